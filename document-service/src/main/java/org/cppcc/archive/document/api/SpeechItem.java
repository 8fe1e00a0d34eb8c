package org.cppcc.archive.document.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A speech in lists: everything but the body. */
public record SpeechItem(long id, int order, String committee, String speakerKind, @Schema(nullable = true) String speakerName,
        @Schema(nullable = true) String region, @Schema(nullable = true) String regionCode, @Schema(nullable = true) String level,
        @Schema(nullable = true) String parentRegion, String title, @Schema(description = ApiText.SPEECH_SUBTITLE, nullable = true) String subtitle,
        @Schema(description = ApiText.SPEECH_DATE, nullable = true) LocalDate date, @Schema(nullable = true) Integer tocPage, boolean bodyAvailable,
        boolean truncated, long compilationId, long version) {
}
