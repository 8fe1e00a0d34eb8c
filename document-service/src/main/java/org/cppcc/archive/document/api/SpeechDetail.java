package org.cppcc.archive.document.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A full speech: the list fields plus its body. Paragraph ids ({@code p-1}, {@code p-2}…, numbered across the
 * speech's sections) are the fragment a portal cites: {@code …/speeches/{id}#p-3}. {@code id} and
 * {@code compilationId} are null only in a dry-run import preview.
 */
public record SpeechDetail(@Schema(nullable = true) Long id, int order, String committee, String speakerKind, @Schema(nullable = true) String speakerName,
        @Schema(nullable = true) String region, @Schema(nullable = true) String regionCode, @Schema(nullable = true) String level,
        @Schema(nullable = true) String parentRegion, String title, @Schema(description = ApiText.SPEECH_SUBTITLE, nullable = true) String subtitle,
        @Schema(description = ApiText.SPEECH_DATE, nullable = true) LocalDate date, @Schema(nullable = true) Integer tocPage, boolean bodyAvailable,
        boolean truncated, @Schema(nullable = true) Long compilationId, long version, List<String> lead, List<Section> sections,
        List<String> outline, @Schema(nullable = true) OffsetDateTime createdAt, @Schema(nullable = true) String createdBy, @Schema(nullable = true) OffsetDateTime updatedAt, @Schema(nullable = true) String updatedBy) {

    /** A numbered section; {@code heading} is without its ordinal (强引领,把准履职方向, not 一、…). */
    public record Section(int ordinal, String heading, List<Paragraph> paragraphs) {
    }

    public record Paragraph(String id, String text) {
    }
}
