package org.cppcc.archive.gateway.resilience;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A breaker in front of something that fails (an upstream replica, the rate limits' Redis): after
 * {@code failureThreshold} consecutive failures it opens, so callers get an immediate answer (a 503, the local
 * count) instead of each waiting for a timeout; after {@code openDuration} it lets one trial
 * request through (half-open), whose outcome closes or reopens it. Thread-safe; requests are short.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openDuration, LongSupplier nanoClock) {
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
        this.clock = nanoClock;
    }

    /** Whether a request may go to the upstream now; when true the caller must report its outcome. */
    public synchronized boolean tryAcquire() {
        if (state == State.OPEN && clock.getAsLong() - openedAt >= openNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.getAsLong();
            trialInFlight = false;
        }
    }

    /** Seconds until an open breaker lets a trial through; for {@code Retry-After}. */
    public synchronized long secondsUntilTrial() {
        if (state != State.OPEN) {
            return 0;
        }
        long remaining = openNanos - (clock.getAsLong() - openedAt);
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }

    public synchronized State state() {
        return state;
    }
}
