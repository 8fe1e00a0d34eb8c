package org.cppcc.archive.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Follows document-service's change feed on its own thread: reads the page after the consumer's cursor, lets the
 * consumer apply it (storing its cursor with what it applied, so a restart resumes where it stopped), and reads
 * again. A feed that cannot be reached is retried with exponential {@link Backoff}, logged once when it fails and
 * once when it recovers (repeats go to debug), never in a tight loop.
 *
 * <p>Every consumer reports the same {@link FeedStatus} and the same metrics: gauges {@code feed.cursor},
 * {@code feed.lag.changes}, {@code feed.lag.seconds}, counters {@code feed.changes.applied}, {@code feed.errors}.
 */
public final class FeedFollower<P extends FeedPage> {

    private static final Logger LOG = Logger.getLogger(FeedFollower.class);

    /** Where the consumer stands: the cursor stored with the last change it applied, and when (null before any). */
    public record Position(long cursor, Instant appliedAt) {
    }

    /** What applying a page did: the cursor now stored and how many changes were applied. */
    public record Applied(long cursor, long changes) {
    }

    /**
     * The consumer's part: where its cursor is, and applying one page read after {@code after}; and, for a consumer
     * that shares its store with other replicas of its service, waiting for its turn to follow the feed.
     */
    public interface Consumer<P> {

        Position position();

        /**
         * Returns when this consumer may read and apply the next page; blocks while another replica consumes (the
         * status then shows {@code feedRunning} false). A single consumer returns at once.
         */
        default void awaitTurn() throws InterruptedException {
        }

        /** Whether it is this consumer's turn now (see {@link #awaitTurn}). */
        default boolean hasTurn() {
            return true;
        }

        Applied apply(long after, P page) throws Exception;
    }

    private final String service;
    private final FeedSettings settings;
    private final FeedClient client;
    private final Class<P> pageType;
    private final Consumer<P> consumer;
    private final FeedTracker tracker = new FeedTracker(Clock.systemUTC());
    private final Counter applied;
    private final Counter errors;
    private final ExecutorService executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile String lastError;

    /**
     * @param service the configuration prefix ({@code search}, {@code stats}): names the thread and the log lines
     * @param target  what the changes are applied to, for the metrics' descriptions ({@code the index})
     */
    public FeedFollower(String service, String target, FeedSettings settings, FeedClient client, Class<P> pageType,
            Consumer<P> consumer, MeterRegistry registry) {
        this.service = service;
        this.settings = settings;
        this.client = client;
        this.pageType = pageType;
        this.consumer = consumer;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, service + "-feed");
            t.setDaemon(true);
            return t;
        });
        String feed = "document-service's feed";
        applied = Counter.builder("feed.changes.applied").description("Changes of " + feed + " applied to " + target)
                .register(registry);
        errors = Counter.builder("feed.errors")
                .description("Failed reads or applies of the feed (each retried with backoff)").register(registry);
        Gauge.builder("feed.cursor", this, f -> f.consumer.position().cursor())
                .description("Cursor of the last change of " + feed + " applied to " + target).register(registry);
        Gauge.builder("feed.lag.changes", this, f -> f.status().lagChanges())
                .description("Changes of " + feed + " not yet applied to " + target).register(registry);
        Gauge.builder("feed.lag.seconds", this, f -> f.status().lagSeconds())
                .description("Seconds since " + target + " last held every change of the feed").register(registry);
    }

    /** Starts following unless {@code <service>.feed.enabled} is false. */
    public void startIfEnabled() {
        if (settings.enabled()) {
            start();
        } else {
            LOG.infof("Change feed consumer disabled (%s.feed.enabled=false)", service);
        }
    }

    /** Starts following the feed (idempotent). */
    public void start() {
        if (running.compareAndSet(false, true)) {
            executor.submit(this::follow);
            LOG.infof("Following the change feed of %s from cursor %d", settings.documentUrl(),
                    consumer.position().cursor());
        }
    }

    /** Stops following; a page being applied is read again on restart unless its cursor was stored. */
    public void stop() {
        running.set(false);
        executor.shutdownNow();
    }

    public FeedStatus status() {
        Position position = consumer.position();
        long cursor = position.cursor();
        boolean following = running.get() && consumer.hasTurn();
        return new FeedStatus(cursor, tracker.head(), tracker.lagChanges(cursor), tracker.lagSeconds(cursor, following),
                tracker.caughtUp(cursor), following, lastError, position.appliedAt());
    }

    private void follow() {
        Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        boolean failing = false;
        while (running.get() && !Thread.currentThread().isInterrupted()) {
            try {
                consumer.awaitTurn();
                long after = consumer.position().cursor();
                P page = client.changes(after, settings.batchSize(), settings.waitSeconds(), pageType);
                Applied result = consumer.apply(after, page);
                tracker.polled(page, result.cursor(), settings.batchSize());
                if (result.changes() > 0) {
                    applied.increment(result.changes());
                    LOG.debugf("Applied %d change(s) up to cursor %d", result.changes(), result.cursor());
                }
                if (failing) {
                    LOG.infof("Change feed reachable again; following from cursor %d", result.cursor());
                    failing = false;
                }
                lastError = null;
                backoff.succeeded();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                if (!running.get()) {
                    break;
                }
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                if (!failing) {
                    LOG.warnf("Change feed failed (%s); retrying with backoff up to %s", message, settings.maxBackoff());
                    failing = true;
                } else {
                    LOG.debugf("Change feed still failing: %s", message);
                }
                lastError = message;
                errors.increment();
                tracker.failed();
                if (!backoff.pause()) {
                    break;
                }
            }
        }
        LOG.info("Change feed consumer stopped");
    }
}
