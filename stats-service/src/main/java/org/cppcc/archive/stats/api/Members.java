package org.cppcc.archive.stats.api;

import java.util.List;
import java.util.Map;

/**
 * CPPCC members per region and speaker kind: how many, the share the speech says they cover (1.0 for 全部), what
 * they are assigned to and on what basis, and the first facts behind the figure ({@code factCount} in all, listed by
 * {@code factsQuery}); one page of the rows ({@code total} rows in all), the totals over all.
 */
public record Members(List<Region> regions, Totals totals, long total, int page, int size) {

    public record Region(String region, String regionCode, String speakerKind, Number members, Double coverage,
            String assignedTo, String basis, List<Fact> facts, long factCount, String factsQuery) {
    }

    public record Totals(Number members, int regions, Map<String, Number> bySpeakerKind) {
    }
}
