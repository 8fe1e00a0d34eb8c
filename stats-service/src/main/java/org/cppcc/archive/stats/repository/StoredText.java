package org.cppcc.archive.stats.repository;

/**
 * One heading, lead, paragraph or outline entry of a speech, where topic mentions are counted; {@code id} is
 * {@code speechId/kind/section/paragraph}, stable across versions, so a replay overwrites instead of adding copies.
 */
public record StoredText(String id, long speechId, String region, String speakerKind, Long compilationId,
        int sectionIndex, int paragraphIndex, String kind, String text) {
}
