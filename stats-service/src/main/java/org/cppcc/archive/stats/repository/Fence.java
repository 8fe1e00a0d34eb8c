package org.cppcc.archive.stats.repository;

/**
 * Who writes what the feed's changes derive: the consumer that holds the lease ({@code holder} at {@code epoch}), or
 * {@link #NONE} when no consumer runs (tests, a store being rebuilt by hand). Every row the consumer writes carries its
 * epoch, and a write is refused when the stored row carries a newer one; the cursor moves only while the lease
 * document still names this holder at this epoch. A consumer that paused past its lease can therefore not overwrite
 * what its successor wrote.
 */
public record Fence(String holder, long epoch) {

    /** No lease: the cursor is written unconditionally, rows with epoch 0 (older than any consumer's). */
    public static final Fence NONE = new Fence(null, 0);
}
