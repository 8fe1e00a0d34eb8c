package org.cppcc.archive.stats.repository;

import org.cppcc.archive.stats.api.Fact;
import org.cppcc.archive.stats.extraction.Category;
import org.cppcc.archive.stats.extraction.Tier;
import org.cppcc.archive.stats.api.Scope;

/**
 * Which facts a read takes; a null part does not restrict. {@code text} is a literal part of the sentence or the
 * subject; {@code counted} leaves rejected facts out, {@code wholeFigures} also those stating a figure for each of
 * several things (每个联络组3—5名), which a total must not add up.
 */
public record FactQuery(Scope scope, Category category, Tier tier, Long speechId, Fact.Status status, String text,
        boolean counted, boolean wholeFigures) {

    /** Every fact the aggregates count. */
    public static FactQuery allCounted() {
        return new FactQuery(Scope.ALL, null, null, null, null, null, true, false);
    }

    /** The facts of one category a total adds up, in a scope. */
    public static FactQuery summed(Category category, Scope scope) {
        return new FactQuery(scope, category, null, null, null, null, true, true);
    }
}
