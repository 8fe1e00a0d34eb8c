package org.cppcc.archive.gateway.ratelimit;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code capacity} requests at once, refilled continuously at {@code capacity} per
 * {@code periodNanos}. Thread-safe.
 */
public final class TokenBucket {

    /** The outcome of one request: whether it may pass, and what the caller is told about its budget. */
    public record Decision(boolean allowed, long limit, long remaining, long secondsToFull, long secondsToNext) {
    }

    private final long capacity;
    private final double tokensPerNano;
    private final LongSupplier clock;
    private double tokens;
    private long refilledAt;

    public TokenBucket(long capacity, long periodNanos, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.tokensPerNano = (double) capacity / periodNanos;
        this.clock = nanoClock;
        this.tokens = capacity;
        this.refilledAt = nanoClock.getAsLong();
    }

    public synchronized Decision tryTake() {
        long now = clock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long secondsToFull = seconds((capacity - tokens) / tokensPerNano);
        long secondsToNext = allowed ? 0 : Math.max(1, seconds((1 - tokens) / tokensPerNano));
        return new Decision(allowed, capacity, (long) Math.floor(tokens), secondsToFull, secondsToNext);
    }

    /** Whether the bucket is full again, so forgetting it changes nothing for its client. */
    public synchronized boolean isFull() {
        return tokens + (clock.getAsLong() - refilledAt) * tokensPerNano >= capacity;
    }

    private static long seconds(double nanos) {
        return (long) Math.ceil(nanos / 1_000_000_000d);
    }
}
