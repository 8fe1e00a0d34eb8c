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
public record FactQuery(Scope scope, String regionCode, Category category, Tier tier, Long speechId,
        Fact.Status status, String text, boolean counted, boolean wholeFigures) {

    /** Whether a fact of a speech in this query's scope, region code and speech is one the query takes. */
    public boolean takes(Fact f) {
        return (category == null || category == f.category()) && (tier == null || tier == f.tier())
                && (status == null || status == f.status()) && (!counted || f.status() != Fact.Status.rejected)
                && (!wholeFigures || f.per() == null)
                && (text == null || contains(f.sentence(), text) || contains(f.subject(), text));
    }

    private static boolean contains(String field, String literal) {
        return field != null && field.contains(literal);
    }
}
