package org.cppcc.archive.stats.repository;

import java.util.Date;

import org.cppcc.archive.stats.api.Fact;
import org.cppcc.archive.stats.extraction.Category;
import org.cppcc.archive.stats.extraction.Tier;

/**
 * An admin's verdict on a fact, kept under the fact's id (a hash of speech, sentence and span) so that it finds its
 * fact again when a new version of the speech keeps the sentence. A correction's null fields keep what was extracted.
 */
public record Curation(String factId, long speechId, String sentence, Fact.Action action, Double value, String unit,
        String subject, Category category, Tier tier, String note, String by, Date at) {
}
