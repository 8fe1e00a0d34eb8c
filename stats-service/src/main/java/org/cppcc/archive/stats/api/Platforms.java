package org.cppcc.archive.stats.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Consultation platforms per region and speaker kind, by tier, with the facts they are the sum of. */
public record Platforms(List<Region> regions, Totals totals) {

    /** One region and speaker kind: platforms per tier (as the facts name it, "unspecified" when they do not). */
    public record Region(String region, String regionCode, String speakerKind, Map<String, Number> tiers,
            List<Fact> facts) {
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
