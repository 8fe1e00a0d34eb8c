package org.cppcc.archive.stats.feed;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.cppcc.archive.feed.FeedClient;
import org.cppcc.archive.feed.FeedFollower;
import org.cppcc.archive.feed.FeedFollower.Applied;
import org.cppcc.archive.feed.FeedFollower.Position;
import org.cppcc.archive.feed.FeedStatus;
import org.cppcc.archive.feed.ServiceToken;
import org.cppcc.archive.stats.change.ChangeItem;
import org.cppcc.archive.stats.change.ChangePage;
import org.cppcc.archive.stats.config.StatsConfig;
import org.cppcc.archive.stats.repository.Fence;
import org.cppcc.archive.stats.repository.LeaseGrant;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.cppcc.archive.stats.repository.StatsRepository.FeedPosition;
import org.cppcc.archive.stats.service.ChangeApplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Follows document-service's change feed ({@link FeedFollower}: backoff, status, the {@code feed.*} metrics) from
 * the stored cursor and applies each change (facts first, then the cursor), so a restart resumes where it stopped.
 * Of the stats-services sharing a database only the holder of the {@link ConsumerLease} follows the feed; the
 * others wait for their turn and take over within about a lease duration when the holder dies.
 */
@Singleton
public class FeedConsumer implements FeedFollower.Consumer<ChangePage> {

    private final ChangeApplier applier;
    private final StatsRepository repository;
    private final FeedFollower<ChangePage> follower;
    private final StatsConfig config;
    private final ConsumerLease lease;
    private ScheduledExecutorService leaseKeeper;

    public FeedConsumer(StatsConfig config, ServiceToken token, ChangeApplier applier, StatsRepository repository,
            MeterRegistry registry) {
        this.applier = applier;
        this.repository = repository;
        this.config = config;
        this.lease = new ConsumerLease(config.lease().holder().orElseGet(FeedConsumer::replicaName),
                config.lease().duration(), config.lease().renewEvery(), Clock.systemUTC(),
                new ConsumerLease.Store() {
                    @Override
                    public Optional<LeaseGrant> acquire(String holder, long epoch, Instant now, Instant until) {
                        return repository.acquireLease(holder, epoch, now, until);
                    }

                    @Override
                    public void release(String holder, long epoch) {
                        repository.releaseLease(holder, epoch);
                    }
                });
        this.follower = new FeedFollower<>("stats", "the facts", config.feed(),
                new FeedClient(config.feed().documentUrl(), token), ChangePage.class, this, registry);
    }

    /** The cursor stored with the facts of the last change applied (by whichever replica held the lease). */
    @Override
    public Position position() {
        FeedPosition position = repository.feedPosition();
        return new Position(position.cursor(), position.appliedAt());
    }

    @Override
    public void awaitTurn() throws InterruptedException {
        lease.awaitFence();
    }

    @Override
    public boolean hasTurn() {
        return lease.held();
    }

    /**
     * Applies the page's changes one by one, each storing its cursor after its facts, each only while the lease
     * leaves time for it.
     */
    @Override
    public Applied apply(long after, ChangePage page) {
        long cursor = after;
        for (ChangeItem change : page.items()) {
            Fence fence = lease.fence().orElseThrow(() -> new IllegalStateException(
                    "the consumer lease runs out before the change at cursor " + change.cursor()
                            + " could be applied; the replica holding it next applies it"));
            try {
                applier.apply(change, fence);
            } catch (StatsRepository.Fenced e) {
                lease.lost(fence);
                throw e;
            }
            cursor = Math.max(cursor, change.cursor());
        }
        return new Applied(cursor, page.items().size());
    }

    public FeedStatus status() {
        return follower.status();
    }

    /** Whether this replica holds the consumer lease, and the name it holds it under. */
    public boolean leaseHeld() {
        return lease.held();
    }

    public String replica() {
        return lease.holder();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.feed().enabled()) {
            leaseKeeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "stats-lease");
                t.setDaemon(true);
                return t;
            });
            long every = config.lease().renewEvery().toMillis();
            leaseKeeper.scheduleWithFixedDelay(lease::refresh, 0, every, TimeUnit.MILLISECONDS);
        }
        follower.startIfEnabled();
    }

    /**
     * Stops following the feed and gives the lease up; a change being applied is replayed by the next holder unless
     * its cursor was stored.
     */
    void onStop(@Observes ShutdownEvent event) {
        follower.stop();
        if (leaseKeeper != null) {
            leaseKeeper.shutdownNow();
        }
        lease.release();
    }

    /** host/pid/random: unique per process, readable in the lease document. */
    private static String replicaName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
