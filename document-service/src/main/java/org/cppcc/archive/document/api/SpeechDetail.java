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
public record SpeechDetail(Long id, int order, String committee, String speakerKind, String speakerName,
        String region, String regionCode, String level,
        String parentRegion, String title, @Schema(description = ApiText.SPEECH_SUBTITLE) String subtitle,
        @Schema(description = ApiText.SPEECH_DATE) LocalDate date, Integer tocPage, boolean bodyAvailable,
        boolean truncated, Long compilationId, long version, List<String> lead, List<Section> sections,
        List<String> outline, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy) {

    /** A numbered section; {@code heading} is without its ordinal (强引领,把准履职方向, not 一、…). */
    public record Section(int ordinal, String heading, List<Paragraph> paragraphs) {
    }

    public record Paragraph(String id, String text) {
    }
}
