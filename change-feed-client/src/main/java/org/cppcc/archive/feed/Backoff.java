package org.cppcc.archive.feed;

import java.time.Duration;

/** Exponential backoff: each pause twice the last, at most {@code max}; back to {@code initial} after a success. */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration pause;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.pause = initial;
    }

    /** Twice the last pause, at most {@code max}. */
    static Duration next(Duration pause, Duration max) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }

    /** The pause to take now; the next one is twice as long. */
    public Duration failed() {
        Duration now = pause;
        pause = next(pause, max);
        return now;
    }

    public void succeeded() {
        pause = initial;
    }

    /** Sleeps for the pause {@link #failed()} gives; false when interrupted (the interrupt flag set again). */
    public boolean pause() {
        try {
            Thread.sleep(failed().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
