package org.cppcc.archive.stats.repository;

import java.util.List;

/**
 * The write generation kept in the store: increased by each change the consumer applies (with its cursor, in one
 * update) and by each curation, after their writes; {@code touched} lists the speech ids of the last increments,
 * newest last (the last one is generation {@code value}'s), so a replica that is a few generations behind reads only
 * those speeches again.
 */
public record StoreGeneration(long value, List<List<Long>> touched) {

    /** How many increments {@link #touched} remembers. */
    public static final int REMEMBERED = 64;

    /**
     * The speeches written after generation {@code seen} up to this one; null when they are no longer all
     * remembered (or the store was reset): then everything must be read again.
     */
    public List<Long> touchedSince(long seen) {
        long behind = value - seen;
        if (behind < 0 || behind > touched.size()) {
            return null;
        }
        return touched.subList(touched.size() - (int) behind, touched.size()).stream().flatMap(List::stream)
                .distinct().toList();
    }
}
