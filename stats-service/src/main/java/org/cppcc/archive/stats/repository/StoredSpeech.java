package org.cppcc.archive.stats.repository;

import java.util.List;

/**
 * What the store keeps of a speech: its feed metadata, the version its facts come from, its counts, and the ids of
 * the facts and texts it owns ({@code factIds}, {@code textIds}; null for a speech stored before speeches listed
 * them), so a new version removes what it no longer has by primary key; {@code figures} what the aggregates need
 * of its facts (null for a speech stored before speeches kept them).
 */
public record StoredSpeech(long id, long version, Long compilationId, int order, String committee, String speakerKind,
        String speakerName, String region, String regionCode, String level, String parentRegion, String title,
        boolean bodyAvailable, boolean truncated, long characters, int paragraphs, int outlineEntries, int facts,
        List<String> factIds, List<String> textIds, SpeechFigures figures) {

    /** The same speech with other figures. */
    public StoredSpeech withFigures(SpeechFigures newFigures) {
        return new StoredSpeech(id, version, compilationId, order, committee, speakerKind, speakerName, region,
                regionCode, level, parentRegion, title, bodyAvailable, truncated, characters, paragraphs,
                outlineEntries, facts, factIds, textIds, newFigures);
    }

    /** The same speech without the id lists of what it owns (for what is kept in memory). */
    public StoredSpeech withoutIds() {
        return new StoredSpeech(id, version, compilationId, order, committee, speakerKind, speakerName, region,
                regionCode, level, parentRegion, title, bodyAvailable, truncated, characters, paragraphs,
                outlineEntries, facts, null, null, figures);
    }
}
