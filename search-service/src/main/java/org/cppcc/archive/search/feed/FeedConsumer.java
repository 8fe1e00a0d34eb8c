package org.cppcc.archive.search.feed;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.cppcc.archive.search.change.ChangePage;
import org.cppcc.archive.search.config.SearchConfig;
import org.cppcc.archive.search.index.SpeechIndex;
import org.cppcc.archive.search.model.AppliedBatch;
import org.cppcc.archive.search.model.RebuildTicket;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Follows document-service's change feed on its own thread and applies it to the index; replays it into a
 * fresh index on a rebuild. A feed that cannot be reached is retried with exponential backoff, logged once
 * when it fails and once when it recovers (repeats go to debug), never in a tight loop.
 *
 * <p>Every feed consumer of the archive reports the same status fields ({@link FeedStatus}) and metrics: gauges
 * {@code feed.cursor}, {@code feed.lag.changes}, {@code feed.lag.seconds}, counters {@code feed.changes.applied},
 * {@code feed.errors}.
 */
@Singleton
public class FeedConsumer {

    private static final Logger LOG = Logger.getLogger(FeedConsumer.class);
    private static final Duration REBUILD_GIVE_UP = Duration.ofMinutes(5);

    /**
     * The consumer's view of the feed, named as in the status answer: {@code feedHead} is null before the first
     * answer of the feed, {@code feedError} while it answers, {@code lastAppliedAt} before any change;
     * {@code lastRebuild} before any rebuild.
     */
    public record FeedStatus(long feedCursor, Long feedHead, long lagChanges, long lagSeconds, boolean caughtUp,
            boolean feedRunning, String feedError, Instant lastAppliedAt, boolean rebuilding, String lastRebuild) {
    }

    private final SearchConfig config;
    private final DocumentClient documents;
    private final SpeechIndex index;
    private final MeterRegistry registry;
    private final Counter applied;
    private final Counter errors;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "search-feed");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicReference<String> lastRebuild = new AtomicReference<>();
    private volatile Long head;
    private volatile boolean caughtUp;
    /** When the consumer was last known to hold everything the feed had. */
    private volatile Instant caughtUpAt = Instant.now();

    public FeedConsumer(SearchConfig config, DocumentClient documents, SpeechIndex index, MeterRegistry registry) {
        this.config = config;
        this.documents = documents;
        this.index = index;
        this.registry = registry;
        this.applied = Counter.builder("feed.changes.applied")
                .description("Changes of document-service's feed applied to the index").register(registry);
        this.errors = Counter.builder("feed.errors")
                .description("Failed reads or applies of the feed (each retried with backoff)").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("feed.cursor", this, c -> c.index.cursor())
                .description("Feed cursor committed with the index").register(registry);
        Gauge.builder("feed.lag.changes", this, c -> c.status().lagChanges())
                .description("Changes of document-service's feed not yet applied to the index").register(registry);
        Gauge.builder("feed.lag.seconds", this, c -> c.status().lagSeconds())
                .description("Seconds since the index last held every change of the feed").register(registry);
        Gauge.builder("search.index.speeches", this, c -> c.speechCountOrZero())
                .description("Speeches in the index").register(registry);
        if (config.feed().enabled()) {
            start();
        } else {
            LOG.info("Change feed consumer disabled (search.feed.enabled=false)");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /**
     * Starts following the feed (idempotent); an index written in an older format is rebuilt from the feed at the
     * same time, searches answered from it until the rebuilt one is swapped in.
     */
    public void start() {
        if (running.compareAndSet(false, true)) {
            executor.submit(this::follow);
            LOG.infof("Following the change feed of %s from cursor %d", config.feed().documentUrl(), index.cursor());
            if (index.outdated()) {
                LOG.info("The index was written in an older format: rebuilding it from the change feed");
                rebuild();
            }
        }
    }

    /** Stops following the feed and any rebuild; a started batch finishes or is abandoned uncommitted. */
    public void stop() {
        running.set(false);
        executor.shutdownNow();
    }

    public FeedStatus status() {
        long cursor = index.cursor();
        Long knownHead = head;
        long lagChanges = knownHead == null ? 0 : Math.max(0, knownHead - cursor);
        boolean upToDate = caughtUp && lagChanges == 0;
        long lagSeconds = upToDate ? 0 : Math.max(0, Duration.between(caughtUpAt, Instant.now()).toSeconds());
        if (!running.get()) {
            lagSeconds = 0;
        }
        return new FeedStatus(cursor, knownHead, lagChanges, lagSeconds, upToDate, running.get(), lastError.get(),
                index.appliedAt(), rebuilding.get(), lastRebuild.get());
    }

    /** Replays the whole feed into a fresh index and swaps it in; one rebuild at a time. */
    public RebuildTicket rebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return new RebuildTicket("running", "A rebuild is already running.");
        }
        try {
            executor.submit(this::replay);
        } catch (RuntimeException e) {
            rebuilding.set(false);
            throw e;
        }
        return new RebuildTicket("started", "Replaying the change feed into a fresh index; searches are answered "
                + "from the current one until it is swapped in.");
    }

    private void follow() {
        Duration backoff = config.feed().initialBackoff();
        boolean failing = false;
        while (running.get() && !Thread.currentThread().isInterrupted()) {
            try {
                long after = index.cursor();
                ChangePage page = documents.changes(after, config.feed().batchSize(), config.feed().waitSeconds());
                Optional<AppliedBatch> result = index.apply(after, page.items(), page.next());
                noteHead(page, result.map(AppliedBatch::cursor).orElse(index.cursor()));
                if (result.isPresent() && result.get().applied() > 0) {
                    applied.increment(result.get().applied());
                    LOG.debugf("Applied %d change(s), skipped %d; cursor %d", result.get().applied(),
                            result.get().skipped(), result.get().cursor());
                }
                if (failing) {
                    LOG.infof("Change feed reachable again; following from cursor %d", index.cursor());
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
                caughtUp = false;
                if (!sleep(backoff)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(config.feed().maxBackoff()) > 0 ? config.feed().maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
        LOG.info("Change feed consumer stopped");
    }

    private void noteHead(ChangePage page, long cursor) {
        boolean complete = page.items().size() < config.feed().batchSize();
        if (page.head() != null) {
            head = page.head();
        } else if (complete) {
            head = cursor;
        } else {
            head = Math.max(head == null ? 0 : head, page.next() + 1);
        }
        boolean nowCaughtUp = complete && head <= cursor;
        if (nowCaughtUp) {
            caughtUpAt = Instant.now();
        }
        caughtUp = nowCaughtUp;
    }

    private void replay() {
        Instant started = Instant.now();
        SpeechIndex.Rebuild fresh = null;
        try {
            fresh = index.startRebuild();
            LOG.infof("Rebuilding the index into %s", fresh.name());
            catchUp(fresh, started);
            fresh.swapIn(f -> catchUp(f, started));
            lastRebuild.set("completed at " + Instant.now() + " in " + Duration.between(started, Instant.now())
                    .toMillis() + " ms, cursor " + index.cursor());
            fresh = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lastRebuild.set("interrupted at " + Instant.now());
        } catch (Exception e) {
            LOG.warnf("Rebuild failed: %s", e.getMessage());
            lastRebuild.set("failed at " + Instant.now() + ": " + e.getMessage());
        } finally {
            if (fresh != null) {
                fresh.discard();
            }
            rebuilding.set(false);
        }
    }

    /** Applies the feed to {@code target} until a page comes back short (the head reached). */
    private void catchUp(SpeechIndex.Rebuild target, Instant started) throws IOException, InterruptedException {
        Duration backoff = config.feed().initialBackoff();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                ChangePage page = documents.changes(target.cursor(), config.feed().batchSize(), 0);
                target.apply(page.items(), page.next());
                if (page.items().size() < config.feed().batchSize()) {
                    return;
                }
                backoff = config.feed().initialBackoff();
            } catch (FeedUnavailableException | IOException e) {
                if (Duration.between(started, Instant.now()).compareTo(REBUILD_GIVE_UP) > 0) {
                    throw new IOException("gave up after " + REBUILD_GIVE_UP + ": " + e.getMessage(), e);
                }
                LOG.debugf("Rebuild waiting for the feed: %s", e.getMessage());
                if (!sleep(backoff)) {
                    throw new InterruptedException();
                }
                backoff = backoff.multipliedBy(2).compareTo(config.feed().maxBackoff()) > 0 ? config.feed().maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
        throw new InterruptedException();
    }

    private double speechCountOrZero() {
        try {
            return index.speechCount();
        } catch (Exception e) {
            return 0;
        }
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
