package org.cppcc.archive.stats.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Consultation platforms per region and speaker kind, by tier, with the first of the facts they are the sum of; one
 * page of the rows ({@code total} rows in all, {@code page} 0-based, {@code size} rows a page), the totals over all.
 */
public record Platforms(List<Region> regions, Totals totals, long total, int page, int size) {

    /**
     * One region and speaker kind: platforms per tier (as the facts name it, "unspecified" when they do not); the
     * first facts (in provenance order) of the {@code factCount} facts they add up, which {@code factsQuery} lists.
     */
    public record Region(String region, String regionCode, String speakerKind, Map<String, Number> tiers,
            List<Fact> facts, long factCount, String factsQuery) {
    }

    /** The sums over all regions: per tier present, all tiers, and per speaker kind. */
    public record Totals(@JsonInclude(JsonInclude.Include.NON_NULL) Number city,
            @JsonInclude(JsonInclude.Include.NON_NULL) Number county,
            @JsonInclude(JsonInclude.Include.NON_NULL) Number township,
            @JsonInclude(JsonInclude.Include.NON_NULL) Number village,
            @JsonInclude(JsonInclude.Include.NON_NULL) Number unspecified, Number all,
            Map<String, Number> bySpeakerKind) {
    }
}
