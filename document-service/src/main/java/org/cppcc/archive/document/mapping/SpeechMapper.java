package org.cppcc.archive.document.mapping;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cppcc.archive.document.api.AuditEntry;
import org.cppcc.archive.document.api.ChangeItem;
import org.cppcc.archive.document.api.SpeechDetail;
import org.cppcc.archive.document.api.SpeechDetail.Paragraph;
import org.cppcc.archive.document.api.SpeechDetail.Section;
import org.cppcc.archive.document.api.SpeechInput;
import org.cppcc.archive.document.api.SpeechItem;
import org.cppcc.archive.document.parsing.ParsedSection;
import org.cppcc.archive.document.parsing.ParsedSpeech;
import org.cppcc.archive.document.divisions.Region;
import org.cppcc.archive.document.divisions.SpeakerKind;
import org.cppcc.archive.document.repository.AuditEntryEntity;
import org.cppcc.archive.document.repository.ChangeEventEntity;
import org.cppcc.archive.document.repository.SpeechEntity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * API model ↔ entity, and the only owner of the JSON layout of a speech body in the database. Paragraph ids are
 * assigned here, when a body is written: {@code p-1}, {@code p-2}… in reading order across all sections, so an
 * anchor is stable for as long as the paragraphs before it are not inserted or removed.
 */
@ApplicationScoped
public class SpeechMapper {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Section>> SECTIONS = new TypeReference<>() {
    };

    private final JsonColumns json;

    public SpeechMapper(JsonColumns json) {
        this.json = json;
    }

    public SpeechItem item(SpeechEntity s) {
        return new SpeechItem(s.id, s.speechOrder, s.committee, s.speakerKind, s.speakerName, s.region, s.regionCode, s.level, s.parentRegion,
                s.title, s.subtitle, s.date, s.tocPage, s.bodyAvailable, s.truncated, s.compilationId, s.version);
    }

    public SpeechDetail detail(SpeechEntity s) {
        return detail(s, json.read(s.leadJson, STRINGS), json.read(s.sectionsJson, SECTIONS),
                json.read(s.outlineJson, STRINGS));
    }

    private static SpeechDetail detail(SpeechEntity s, List<String> lead, List<Section> sections, List<String> outline) {
        return new SpeechDetail(s.id, s.speechOrder, s.committee, s.speakerKind, s.speakerName, s.region, s.regionCode, s.level, s.parentRegion,
                s.title, s.subtitle, s.date, s.tocPage, s.bodyAvailable, s.truncated, s.compilationId, s.version,
                lead, sections, outline, s.createdAt, s.createdBy, s.updatedAt, s.updatedBy);
    }

    /**
     * The feed snapshot of a speech: its detail JSON. The body columns hold exactly the JSON this mapper writes for
     * the detail's lead, sections and outline, so they go in as they are, not read and written again (an import
     * writes a thousand snapshots in one transaction).
     */
    public String snapshot(SpeechEntity s) {
        ObjectNode detail = json.tree(detail(s, List.of(), List.of(), List.of()));
        detail.putRawValue("lead", new RawValue(s.leadJson));
        detail.putRawValue("sections", new RawValue(s.sectionsJson));
        detail.putRawValue("outline", new RawValue(s.outlineJson));
        return json.write(detail);
    }

    public ChangeItem change(ChangeEventEntity c) {
        return new ChangeItem(c.cursor, c.type, c.speechId, c.version, c.speechJson);
    }

    public AuditEntry audit(AuditEntryEntity a) {
        return new AuditEntry(a.id, a.speechId, a.action, a.version, a.actor, a.at, a.summary);
    }

    /** Copies the editable fields of {@code in} onto {@code s} (region fields from {@code region} when given). */
    public void apply(SpeechInput in, Region region, SpeechEntity s) {
        s.compilationId = in.compilationId();
        s.speechOrder = in.order();
        s.committee = in.committee();
        s.speakerKind = in.speakerKind() == null ? SpeakerKind.COMMITTEE.value() : in.speakerKind();
        s.speakerName = in.speakerName();
        if (region != null) {
            s.region = region.name();
            s.regionCode = region.code();
            s.level = region.level();
            s.parentRegion = region.parent();
        } else {
            s.region = in.region();
            s.regionCode = in.regionCode();
            s.level = in.level();
            s.parentRegion = in.parentRegion();
        }
        s.title = in.title();
        s.subtitle = in.subtitle();
        s.date = in.date();
        s.tocPage = in.tocPage();
        s.bodyAvailable = in.bodyAvailable();
        s.truncated = Boolean.TRUE.equals(in.truncated());
        applyBody(s, in.lead() == null ? List.of() : in.lead(),
                in.sections() == null ? List.of() : in.sections(), in.outline() == null ? List.of() : in.outline());
    }

    /** Replaces the body of {@code s}; paragraph ids are numbered afresh from p-1 across the sections. */
    public void applyBody(SpeechEntity s, List<String> lead, List<SpeechInput.SectionInput> sectionInputs,
            List<String> outline) {
        s.leadJson = json.write(lead);
        List<Section> sections = new ArrayList<>();
        int paragraph = 0;
        for (SpeechInput.SectionInput section : sectionInputs) {
            List<Paragraph> paragraphs = new ArrayList<>();
            for (String text : section.paragraphs()) {
                paragraphs.add(new Paragraph("p-" + (++paragraph), text));
            }
            sections.add(new Section(section.ordinal(), section.heading(), paragraphs));
        }
        s.sectionsJson = json.write(sections);
        s.outlineJson = json.write(outline);
    }

    /** A parsed speech as an input, so imports and editors go through the same path. */
    public SpeechInput input(long compilationId, ParsedSpeech p) {
        Region r = p.region();
        return new SpeechInput(compilationId, p.order(), p.committee(), p.speakerKind().value(), p.speakerName(),
                r == null ? null : r.name(),
                r == null ? null : r.code(), r == null ? null : r.level(), r == null ? null : r.parent(), p.title(),
                p.subtitle(), p.date(), p.tocPage(), p.bodyAvailable(), p.truncated(), p.lead(),
                p.sections().stream().map(SpeechMapper::sectionInput).toList(), p.outline());
    }

    /** A parsed speech as it would be stored (dry run): no id, no compilation, version 0. */
    public SpeechDetail preview(ParsedSpeech p) {
        SpeechEntity s = new SpeechEntity();
        apply(input(0, p), null, s);
        s.compilationId = null;
        return detail(s);
    }

    private static SpeechInput.SectionInput sectionInput(ParsedSection s) {
        return new SpeechInput.SectionInput(s.ordinal(), s.heading(), s.paragraphs());
    }
}
