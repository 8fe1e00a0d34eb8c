package org.cppcc.archive.stats.api;

import java.util.Map;

/**
 * Compilations, speeches, committees by level, characters and facts (rejected ones left out) by category and by
 * speaker kind; every category and every speaker kind is listed, 0 when none.
 */
public record Overview(long compilations, Speeches speeches, Map<String, Long> committeesByLevel, long characters,
        Map<String, Long> factsByCategory, Map<String, Long> speechesBySpeakerKind,
        Map<String, Long> factsBySpeakerKind, long facts) {

    /** Speeches with their body, those known only by their outline, and those cut off. */
    public record Speeches(long total, long withBody, long outlineOnly, long truncated) {
    }
}
