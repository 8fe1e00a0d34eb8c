package org.cppcc.archive.search.change;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A speech as document-service publishes it on its change feed; only the fields search needs. {@code speakerKind}
 * is one of committee, party, federation, sector, special-committee, member; a speech published before speakers
 * had kinds was a committee's.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Speech(long id, int order, String committee, String speakerKind, String speakerName, String region,
        String regionCode, String level, String parentRegion, String title, boolean bodyAvailable, boolean truncated,
        Long compilationId, long version, List<String> lead, List<Section> sections, List<String> outline) {

    private static final String COMMITTEE_SPEAKER = "committee";

    public Speech {
        speakerKind = speakerKind == null || speakerKind.isBlank() ? COMMITTEE_SPEAKER : speakerKind;
        lead = lead == null ? List.of() : lead;
        sections = sections == null ? List.of() : sections;
        outline = outline == null ? List.of() : outline;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Section(int ordinal, String heading, List<Paragraph> paragraphs) {
        public Section {
            paragraphs = paragraphs == null ? List.of() : paragraphs;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Paragraph(String id, String text) {
    }
}
