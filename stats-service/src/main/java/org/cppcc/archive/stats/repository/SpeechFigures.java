package org.cppcc.archive.stats.repository;

import java.util.List;

import org.cppcc.archive.stats.api.Fact;
import org.cppcc.archive.stats.extraction.Category;
import org.cppcc.archive.stats.extraction.Tier;

/**
 * What every aggregate needs of one speech's facts, stored with the speech and written with it (so it is exactly as
 * durable, and a replayed change rewrites it whole): how many facts it has per category, tier, status and whether
 * they state one figure for the whole ({@code whole}: no {@code per}); the sums of its platform figures per tier and
 * of its member figures that a total adds up (not rejected, whole figures), how many facts those are and the ids of
 * the first {@link #FIRST} of them in provenance order; and what its member facts say of coverage (the last share
 * stated) and assignment (the first one stated, with its basis).
 */
public record SpeechFigures(List<FactCount> facts, List<TierSum> platforms, long platformFacts,
        List<String> firstPlatformFacts, double members, long memberFacts, List<String> firstMemberFacts,
        Double memberCoverage, String assignedTo, String basis) {

    /** How many provenance facts of each category a row of the platforms and members answers shows. */
    public static final int FIRST = 3;

    /** The facts of one category, tier (null: none named) and status; {@code whole}: without a {@code per}. */
    public record FactCount(Category category, Tier tier, Fact.Status status, boolean whole, long n) {
    }

    /** The sum of the platform figures of one tier (null: none named). */
    public record TierSum(Tier tier, double total) {
    }

    public static final SpeechFigures NONE = new SpeechFigures(List.of(), List.of(), 0, List.of(), 0, 0, List.of(),
            null, null, null);
}
