package org.cppcc.archive.document.api;

/** A speech in lists: everything but the body. */
public record SpeechItem(long id, int order, String committee, String speakerKind, String speakerName,
        String region, String regionCode, String level,
        String parentRegion, String title, Integer tocPage, boolean bodyAvailable, boolean truncated,
        long compilationId, long version) {
}
