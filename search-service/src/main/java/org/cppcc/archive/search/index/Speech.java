package org.cppcc.archive.search.index;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A speech as document-service publishes it on its change feed; only the fields search needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Speech(long id, int order, String committee, String region, String regionCode, String level,
        String parentRegion, String title, boolean bodyAvailable, boolean truncated, Long compilationId,
        long version, List<String> lead, List<Section> sections, List<String> outline) {

    public Speech {
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
