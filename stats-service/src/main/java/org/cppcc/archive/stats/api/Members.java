package org.cppcc.archive.stats.api;

import java.util.List;
import java.util.Map;

/**
 * CPPCC members per region and speaker kind: how many, the share the speech says they cover (1.0 for 全部), what
 * they are assigned to and on what basis, and the facts behind the figure.
 */
public record Members(List<Region> regions, Totals totals) {

    public record Region(String region, String regionCode, String speakerKind, Number members, Double coverage,
            String assignedTo, String basis, List<Fact> facts) {
    }

    public record Totals(Number members, int regions, Map<String, Number> bySpeakerKind) {
    }
}
