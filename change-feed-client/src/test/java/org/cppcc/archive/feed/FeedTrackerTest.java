package org.cppcc.archive.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The feed head the consumer records, from which the status answers compute the lag, and the lag itself. */
class FeedTrackerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A page as a service declares its own (only the cursor of each item matters here). */
    record Page(List<Item> items, long next, Long head) implements FeedPage {
    }

    record Item(long cursor) {
    }

    static Page page(String page) throws Exception {
        return JSON.readValue(page, Page.class);
    }

    static long head(String page, long next) throws Exception {
        Page p = page(page);
        assertEquals(next, p.next());
        return FeedTracker.headOf(p);
    }

    @Test
    void theHeadTheFeedReportsIsTakenAsIs() throws Exception {
        assertEquals(40, head("{\"items\":[{\"cursor\":10}],\"next\":10,\"head\":40}", 10));
        assertEquals(0, head("{\"items\":[],\"next\":0,\"head\":0}", 0));
    }

    @Test
    void withoutAHeadTheLastCursorIsAllThatIsKnown() throws Exception {
        assertEquals(10, head("{\"items\":[{\"cursor\":10}],\"next\":10}", 10));
        assertEquals(10, head("{\"items\":[],\"next\":10,\"head\":null}", 10));
    }

    @Test
    void aHeadBehindTheCursorNeverMakesTheLagNegative() throws Exception {
        assertEquals(12, head("{\"items\":[],\"next\":12,\"head\":3}", 12));
    }

    /** A clock a test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void beforeTheFirstPollNothingIsKnownAndNothingIsBehind() {
        FeedTracker tracker = new FeedTracker(new ManualClock());
        assertNull(tracker.head());
        assertEquals(0, tracker.lagChanges(5));
        assertFalse(tracker.caughtUp(5));
    }

    @Test
    void aFullPageLeavesTheConsumerBehindUntilAShortOneReachesTheHead() throws Exception {
        ManualClock clock = new ManualClock();
        FeedTracker tracker = new FeedTracker(clock);
        clock.now = clock.now.plusSeconds(30);
        tracker.polled(page("{\"items\":[{\"cursor\":1},{\"cursor\":2}],\"next\":2,\"head\":7}"), 2, 2);
        assertEquals(7L, tracker.head());
        assertEquals(5, tracker.lagChanges(2));
        assertFalse(tracker.caughtUp(2));
        assertEquals(30, tracker.lagSeconds(2, true), "behind since the tracker started");
        assertEquals(0, tracker.lagSeconds(2, false), "a consumer that does not follow is not behind in time");

        tracker.polled(page("{\"items\":[{\"cursor\":7}],\"next\":7,\"head\":7}"), 7, 2);
        assertTrue(tracker.caughtUp(7));
        assertEquals(0, tracker.lagChanges(7));
        assertEquals(0, tracker.lagSeconds(7, true));

        clock.now = clock.now.plusSeconds(12);
        tracker.failed();
        assertFalse(tracker.caughtUp(7));
        assertEquals(12, tracker.lagSeconds(7, true), "behind since it last held everything");
    }
}
