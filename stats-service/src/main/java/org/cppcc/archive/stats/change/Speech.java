package org.cppcc.archive.stats.change;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A speech as document-service publishes it on its change feed; only the fields stats needs. {@code speakerKind}
 * is one of committee, party, federation, sector, special-committee, member; a speech published before speakers
 * had kinds was a committee's. Missing lists are empty, missing texts empty strings.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Speech(long id, int order, String committee, String speakerKind, String speakerName, String region,
        String regionCode, String level, String parentRegion, String title, boolean bodyAvailable, boolean truncated,
        Long compilationId, long version, List<String> lead, List<Section> sections, List<String> outline) {

    private static final String COMMITTEE_SPEAKER = "committee";

    public Speech {
        speakerKind = speakerKind == null || speakerKind.isBlank() ? COMMITTEE_SPEAKER : speakerKind;
        lead = texts(lead);
        sections = sections == null ? List.of() : sections.stream().filter(Objects::nonNull).toList();
        outline = texts(outline);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Section(int ordinal, String heading, List<Paragraph> paragraphs) {
        public Section {
            heading = heading == null ? "" : heading;
            paragraphs = paragraphs == null ? List.of() : paragraphs.stream().filter(Objects::nonNull).toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Paragraph(String id, String text) {
        public Paragraph {
            text = text == null ? "" : text;
        }
    }

    private static List<String> texts(List<String> list) {
        return list == null ? List.of() : list.stream().map(s -> s == null ? "" : s).toList();
    }
}
