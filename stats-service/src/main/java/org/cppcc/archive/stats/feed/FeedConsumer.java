package org.cppcc.archive.stats.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.cppcc.archive.stats.change.ChangeItem;
import org.cppcc.archive.stats.change.ChangePage;
import org.cppcc.archive.stats.config.StatsConfig;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.cppcc.archive.stats.repository.StatsRepository.FeedPosition;
import org.cppcc.archive.stats.service.ChangeApplier;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Follows document-service's change feed on its own thread from the stored cursor and applies each change (facts
 * first, then the cursor), so a restart resumes where it stopped. A feed that cannot be reached is retried with
 * exponential backoff, logged once when it fails and once when it recovers (repeats go to debug), never in a
 * tight loop.
 */
@Singleton
public class FeedConsumer {

    private static final Logger LOG = Logger.getLogger(FeedConsumer.class);

    /**
     * The consumer's view of the feed, named as in the status answer: {@code feedHead} is null before the first
     * answer of the feed, {@code feedError} while it answers, {@code lastAppliedAt} before any change.
     */
    public record FeedStatus(long feedCursor, Long feedHead, long lagChanges, long lagSeconds, boolean caughtUp,
            boolean feedRunning, String feedError, Instant lastAppliedAt) {
    }

    private final StatsConfig config;
    private final DocumentClient documents;
    private final ChangeApplier applier;
    private final StatsRepository repository;
    private final MeterRegistry registry;
    private final FeedTracker tracker = new FeedTracker(Clock.systemUTC());
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stats-feed");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final Counter applied;
    private final Counter errors;

    public FeedConsumer(StatsConfig config, DocumentClient documents, ChangeApplier applier,
            StatsRepository repository, MeterRegistry registry) {
        this.config = config;
        this.documents = documents;
        this.applier = applier;
        this.repository = repository;
        this.registry = registry;
        this.applied = Counter.builder("feed.changes.applied")
                .description("Changes of document-service's feed applied to the facts").register(registry);
        this.errors = Counter.builder("feed.errors")
                .description("Failed reads or applies of the feed (each retried with backoff)").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("feed.cursor", this, c -> c.status().feedCursor())
                .description("Cursor of the last change of document-service's feed applied to the facts")
                .register(registry);
        Gauge.builder("feed.lag.changes", this, c -> c.status().lagChanges())
                .description("Changes of document-service's feed not yet applied to the facts").register(registry);
        Gauge.builder("feed.lag.seconds", this, c -> c.status().lagSeconds())
                .description("Seconds since the facts last held every change of the feed").register(registry);
        if (config.feed().enabled()) {
            start();
        } else {
            LOG.info("Change feed consumer disabled (stats.feed.enabled=false)");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts following the feed (idempotent). */
    public void start() {
        if (running.compareAndSet(false, true)) {
            executor.submit(this::follow);
            LOG.infof("Following the change feed of %s from cursor %d", config.feed().documentUrl(),
                    repository.feedPosition().cursor());
        }
    }

    /** Stops following the feed; a change being applied is replayed on restart unless its cursor was stored. */
    public void stop() {
        running.set(false);
        executor.shutdownNow();
    }

    public FeedStatus status() {
        FeedPosition position = repository.feedPosition();
        long cursor = position.cursor();
        return new FeedStatus(cursor, tracker.head(), tracker.lagChanges(cursor), tracker.lagSeconds(cursor, running.get()),
                tracker.caughtUp(cursor), running.get(), lastError.get(), position.appliedAt());
    }

    private void follow() {
        Duration backoff = config.feed().initialBackoff();
        boolean failing = false;
        while (running.get() && !Thread.currentThread().isInterrupted()) {
            try {
                long after = repository.feedPosition().cursor();
                ChangePage page = documents.changes(after, config.feed().batchSize(), config.feed().waitSeconds());
                long cursor = after;
                for (ChangeItem change : page.items()) {
                    applier.apply(change);
                    applied.increment();
                    cursor = Math.max(cursor, change.cursor());
                }
                tracker.polled(page, cursor, config.feed().batchSize());
                if (!page.items().isEmpty()) {
                    LOG.debugf("Applied %d change(s) up to cursor %d", page.items().size(), cursor);
                }
                if (failing) {
                    LOG.infof("Change feed reachable again; following from cursor %d", cursor);
                    failing = false;
                }
                lastError.set(null);
                backoff = config.feed().initialBackoff();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                if (!running.get()) {
                    break;
                }
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                if (!failing) {
                    LOG.warnf("Change feed failed (%s); retrying with backoff up to %s", message,
                            config.feed().maxBackoff());
                    failing = true;
                } else {
                    LOG.debugf("Change feed still failing: %s", message);
                }
                lastError.set(message);
                errors.increment();
                tracker.failed();
                if (!sleep(backoff)) {
                    break;
                }
                backoff = next(backoff, config.feed().maxBackoff());
            }
        }
        LOG.info("Change feed consumer stopped");
    }

    /** Exponential backoff: twice the last pause, at most {@code max}. */
    static Duration next(Duration backoff, Duration max) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
