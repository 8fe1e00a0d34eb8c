package org.cppcc.archive.document.mapping;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cppcc.archive.document.api.CompilationDetail;
import org.cppcc.archive.document.api.CompilationPreview;
import org.cppcc.archive.document.api.CompilationPreview.Unplaced;
import org.cppcc.archive.document.api.CompilationPreview.Warning;
import org.cppcc.archive.document.api.CompilationSummary;
import org.cppcc.archive.document.api.SpeechItem;
import org.cppcc.archive.document.parsing.ParsedCompilation;
import org.cppcc.archive.document.repository.CompilationEntity;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * API model ↔ entity for compilations, and the only owner of the JSON layout of a stored preface and parse report.
 */
@ApplicationScoped
public class CompilationMapper {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Warning>> WARNINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Unplaced>> UNPLACED = new TypeReference<>() {
    };

    private final SpeechMapper speeches;
    private final JsonColumns json;

    public CompilationMapper(SpeechMapper speeches, JsonColumns json) {
        this.speeches = speeches;
        this.json = json;
    }

    public CompilationSummary summary(CompilationEntity c, long speechCount) {
        return new CompilationSummary(c.id, c.title, c.subtitle, c.meeting, c.date, c.province, c.provinceCode,
                c.sourceSha256, c.importedAt, c.importedBy, c.coverage, json.read(c.warningsJson, WARNINGS).size(),
                speechCount);
    }

    public CompilationDetail detail(CompilationEntity c, List<SpeechItem> items) {
        return new CompilationDetail(c.id, c.title, c.subtitle, c.meeting, c.date, c.province, c.provinceCode,
                c.sourceSha256, c.importedAt, c.importedBy, json.read(c.prefaceJson, STRINGS), c.coverage,
                json.read(c.warningsJson, WARNINGS), json.read(c.unplacedJson, UNPLACED), items);
    }

    public CompilationPreview preview(ParsedCompilation p, String provinceCode, String sha256, Long existingId) {
        return new CompilationPreview(true, p.title(), p.subtitle(), p.meeting(), p.date(), p.province(),
                provinceCode, sha256, existingId, p.preface(), p.speeches().stream().map(speeches::preview).toList(),
                warnings(p), unplaced(p), p.coverage());
    }

    /** Copies the cover, the preface and the parse report of {@code p} onto a new compilation. */
    public void apply(ParsedCompilation p, String provinceCode, CompilationEntity c) {
        c.title = p.title();
        c.subtitle = p.subtitle();
        c.meeting = p.meeting();
        c.date = p.date();
        c.province = p.province();
        c.provinceCode = provinceCode;
        c.prefaceJson = json.write(p.preface());
        c.coverage = p.coverage();
        c.warningsJson = json.write(warnings(p));
        c.unplacedJson = json.write(unplaced(p));
    }

    private static List<Warning> warnings(ParsedCompilation p) {
        return p.warnings().stream().map(w -> new Warning(w.line(), w.message())).toList();
    }

    private static List<Unplaced> unplaced(ParsedCompilation p) {
        return p.unplaced().stream().map(u -> new Unplaced(u.fromLine(), u.toLine(), u.text())).toList();
    }
}
