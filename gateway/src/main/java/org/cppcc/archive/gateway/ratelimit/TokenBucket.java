package org.cppcc.archive.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code capacity} requests at once, refilled continuously at {@code capacity} per
 * {@code periodNanos}. Thread-safe without a lock: the whole state is one number, the moment at which the bucket
 * is (or was) empty, changed by compare-and-set, so callers on different event loops never wait for each other.
 * The bucket holds {@code min(capacity, (now - emptyAt) / nanosPerToken)} tokens.
 */
public final class TokenBucket {

    /** The outcome of one request: whether it may pass, and what the caller is told about its budget. */
    public record Decision(boolean allowed, long limit, long remaining, long secondsToFull, long secondsToNext) {
    }

    private final long capacity;
    private final double nanosPerToken;
    private final double fullNanos;
    private final LongSupplier clock;
    private final long origin;
    /** {@code emptyAt}, in nanoseconds since {@code origin}, as the bits of a double. */
    private final AtomicLong emptyAt;

    public TokenBucket(long capacity, long periodNanos, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.nanosPerToken = (double) periodNanos / capacity;
        this.fullNanos = capacity * nanosPerToken;
        this.clock = nanoClock;
        this.origin = nanoClock.getAsLong();
        this.emptyAt = new AtomicLong(Double.doubleToRawLongBits(-fullNanos)); // starts full
    }

    public Decision tryTake() {
        while (true) {
            long bits = emptyAt.get();
            double now = clock.getAsLong() - origin;
            // an idle bucket never banks more than its capacity
            double base = Math.max(Double.longBitsToDouble(bits), now - fullNanos);
            double tokens = (now - base) / nanosPerToken;
            boolean allowed = tokens >= 1;
            if (allowed && !emptyAt.compareAndSet(bits, Double.doubleToRawLongBits(base + nanosPerToken))) {
                continue; // another request took a token meanwhile: decide again on the new state
            }
            double left = allowed ? tokens - 1 : tokens;
            long secondsToFull = seconds((capacity - left) * nanosPerToken);
            long secondsToNext = allowed ? 0 : Math.max(1, seconds((1 - left) * nanosPerToken));
            return new Decision(allowed, capacity, (long) Math.floor(left), secondsToFull, secondsToNext);
        }
    }

    /** Whether the bucket is full again, so forgetting it changes nothing for its client. */
    public boolean isFull() {
        return clock.getAsLong() - origin - Double.longBitsToDouble(emptyAt.get()) >= fullNanos;
    }

    private static long seconds(double nanos) {
        return (long) Math.ceil(nanos / 1_000_000_000d);
    }
}
