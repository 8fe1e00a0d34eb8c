package org.cppcc.archive.stats.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.cppcc.archive.stats.repository.Fence;
import org.cppcc.archive.stats.repository.LeaseGrant;
import org.jboss.logging.Logger;

/**
 * This replica's hold on the consumer lease, the one document in the store that says which of the stats-services
 * sharing a database follows the feed. {@link #refresh} runs every {@code renewEvery}: the holder renews, the others
 * try to take the lease, which the store grants only when it is free or expired (under a new epoch). The holder
 * counts its lease from before it asked for it, by its own clock, and writes only while more than
 * {@code renewEvery} of it is left ({@link #fence}): a holder that cannot renew (the store unreachable, the process
 * paused) stops applying before its lease can run out and another can take it. What a holder writes is fenced by
 * its epoch in the store as well ({@link Fence}), for the pauses no clock sees (between the check and the write).
 * Pure apart from the store, with an injected clock.
 */
public final class ConsumerLease {

    private static final Logger LOG = Logger.getLogger(ConsumerLease.class);

    /** The store's lease operations (see {@code StatsRepository#acquireLease}). */
    public interface Store {

        /** Takes ({@code epoch} 0) or renews the lease for {@code holder} until {@code until}; empty if refused. */
        Optional<LeaseGrant> acquire(String holder, long epoch, Instant now, Instant until);

        void release(String holder, long epoch);
    }

    private record Held(long epoch, Instant validUntil) {
    }

    private final String holder;
    private final Duration duration;
    private final Duration renewEvery;
    private final Clock clock;
    private final Store store;
    private Held held;
    private boolean failing;

    public ConsumerLease(String holder, Duration duration, Duration renewEvery, Clock clock, Store store) {
        if (renewEvery.multipliedBy(2).compareTo(duration) >= 0) {
            throw new IllegalArgumentException("the lease (" + duration + ") must last more than two renewals ("
                    + renewEvery + ")");
        }
        this.holder = holder;
        this.duration = duration;
        this.renewEvery = renewEvery;
        this.clock = clock;
        this.store = store;
    }

    public String holder() {
        return holder;
    }

    /** One attempt: renews the lease when held, else tries to take it. True when it is held afterwards. */
    public synchronized boolean refresh() {
        Instant sent = clock.instant();
        Optional<LeaseGrant> grant;
        try {
            grant = store.acquire(holder, held == null ? 0 : held.epoch(), sent, sent.plus(duration));
        } catch (RuntimeException e) {
            // granted or not, unknown: keep what is left of the lease as it was, and stop writing as it runs out
            if (!failing) {
                LOG.warnf("Cannot reach the store for the consumer lease (%s); retrying every %s", e.getMessage(),
                        renewEvery);
                failing = true;
            }
            return held();
        }
        failing = false;
        if (grant.isPresent()) {
            if (held == null || held.epoch() != grant.get().epoch()) {
                LOG.infof("Holding the feed consumer lease as %s (epoch %d)", holder, grant.get().epoch());
            }
            held = new Held(grant.get().epoch(), sent.plus(duration));
            notifyAll();
        } else if (held != null) {
            LOG.warnf("The feed consumer lease (epoch %d) was taken by another replica", held.epoch());
            held = null;
        }
        return held != null;
    }

    /** Whether this replica holds the lease now (by its own clock). */
    public synchronized boolean held() {
        return held != null && clock.instant().isBefore(held.validUntil());
    }

    /** The fence to write under while more than {@code renewEvery} of the lease is left; empty otherwise. */
    public synchronized Optional<Fence> fence() {
        if (held == null || !clock.instant().isBefore(held.validUntil().minus(renewEvery))) {
            return Optional.empty();
        }
        return Optional.of(new Fence(holder, held.epoch()));
    }

    /** Blocks until {@link #fence} is there (a {@link #refresh} took or renewed the lease). */
    public synchronized Fence awaitFence() throws InterruptedException {
        for (Optional<Fence> fence = fence();; fence = fence()) {
            if (fence.isPresent()) {
                return fence.get();
            }
            wait(renewEvery.toMillis());
        }
    }

    /** A write under {@code fence} was refused: a consumer with a newer epoch has written. */
    public synchronized void lost(Fence fence) {
        if (held != null && held.epoch() == fence.epoch()) {
            LOG.warnf("A consumer with a newer epoch than %d has written: this replica stops applying", fence.epoch());
            held = null;
        }
    }

    /** Gives the lease up, so that another replica takes it at its next attempt rather than after it expires. */
    public synchronized void release() {
        if (held != null) {
            try {
                store.release(holder, held.epoch());
            } catch (RuntimeException e) {
                LOG.debugf("Releasing the consumer lease failed (%s); it expires instead", e.getMessage());
            }
            held = null;
        }
    }
}
