package org.cppcc.archive.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far behind the change feed the consumer is: the newest cursor the feed has shown ({@code head}, null before
 * the first answer), whether the last poll left nothing unread, and since when the store last held every change.
 * Pure, with an injected clock; the consumer tells it what each poll saw.
 */
final class FeedTracker {

    private final Clock clock;
    private volatile Long head;
    private volatile boolean caughtUp;
    /** When the consumer was last known to hold everything the feed had. */
    private volatile Instant caughtUpAt;

    FeedTracker(Clock clock) {
        this.clock = clock;
        this.caughtUpAt = clock.instant();
    }

    /**
     * The newest cursor of the feed: the page's {@code head} when the document service reports it (so the lag in
     * the status is exact), else {@code next} (an older document service: the lag is then only known to be
     * non-zero while pages come back full).
     */
    static long headOf(FeedPage page) {
        return page.head() == null ? page.next() : Math.max(page.next(), page.head());
    }

    /** A page was read and applied up to {@code cursor}; it was complete when it held fewer than a batch. */
    void polled(FeedPage page, long cursor, int batchSize) {
        long newest = Math.max(headOf(page), cursor);
        head = newest;
        boolean nowCaughtUp = page.items().size() < batchSize && cursor >= newest;
        if (nowCaughtUp) {
            caughtUpAt = clock.instant();
        }
        caughtUp = nowCaughtUp;
    }

    /** A poll failed: whatever the feed has now is not known to be applied. */
    void failed() {
        caughtUp = false;
    }

    Long head() {
        return head;
    }

    /** Changes of the feed not yet applied (0 while the head is unknown). */
    long lagChanges(long cursor) {
        Long known = head;
        return known == null ? 0 : Math.max(0, known - cursor);
    }

    boolean caughtUp(long cursor) {
        return caughtUp && lagChanges(cursor) == 0;
    }

    /** Seconds since the store last held every change; 0 while caught up or not following. */
    long lagSeconds(long cursor, boolean running) {
        if (!running || caughtUp(cursor)) {
            return 0;
        }
        return Math.max(0, Duration.between(caughtUpAt, clock.instant()).toSeconds());
    }
}
