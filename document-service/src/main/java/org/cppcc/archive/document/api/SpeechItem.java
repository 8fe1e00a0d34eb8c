package org.cppcc.archive.document.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A speech in lists: everything but the body. */
public record SpeechItem(long id, int order, String committee, String speakerKind, String speakerName,
        String region, String regionCode, String level,
        String parentRegion, String title, @Schema(description = ApiText.SPEECH_SUBTITLE) String subtitle,
        @Schema(description = ApiText.SPEECH_DATE) LocalDate date, Integer tocPage, boolean bodyAvailable,
        boolean truncated, long compilationId, long version) {
}
