package org.cppcc.archive.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final TokenBucket bucket = new TokenBucket(60, Duration.ofMinutes(1).toNanos(), now::get);

    @Test
    void allowsTheCapacityAtOnceThenRefusesWithTheWaitForTheNextToken() {
        for (int i = 59; i >= 0; i--) {
            TokenBucket.Decision decision = bucket.tryTake();
            assertTrue(decision.allowed());
            assertEquals(i, decision.remaining());
        }
        TokenBucket.Decision refused = bucket.tryTake();
        assertFalse(refused.allowed());
        assertEquals(60, refused.limit());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.secondsToNext(), "one token per second at 60 per minute");
        assertEquals(60, refused.secondsToFull());
    }

    @Test
    void refillsContinuouslyUpToTheCapacityOnly() {
        for (int i = 0; i < 60; i++) {
            bucket.tryTake();
        }
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        TokenBucket.Decision decision = bucket.tryTake();
        assertTrue(decision.allowed());
        assertEquals(9, decision.remaining());
        assertFalse(bucket.isFull());
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertTrue(bucket.isFull());
        assertEquals(59, bucket.tryTake().remaining(), "an idle hour never banks more than the capacity");
    }
}
