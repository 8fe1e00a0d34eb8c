package org.cppcc.archive.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The pauses between failed reads of the feed: doubling from the first, capped, back to the first after a success. */
class BackoffTest {

    @Test
    void backoffDoublesUpToItsCap() {
        Duration max = Duration.ofSeconds(30);
        assertEquals(Duration.ofSeconds(2), Backoff.next(Duration.ofSeconds(1), max));
        assertEquals(Duration.ofSeconds(16), Backoff.next(Duration.ofSeconds(8), max));
        assertEquals(max, Backoff.next(Duration.ofSeconds(16), max));
        assertEquals(max, Backoff.next(max, max));
    }

    @Test
    void successiveFailuresWaitLongerUntilTheCapAndASuccessStartsAgain() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            pauses.add(backoff.failed().toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L), pauses);
        backoff.succeeded();
        assertEquals(Duration.ofSeconds(1), backoff.failed());
        assertEquals(Duration.ofSeconds(2), backoff.failed());
    }

    @Test
    void anInterruptedPauseSaysSoAndKeepsTheInterrupt() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(30));
        Thread.currentThread().interrupt();
        try {
            assertEquals(false, backoff.pause());
            assertEquals(true, Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
