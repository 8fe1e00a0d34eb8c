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

import org.cppcc.archive.feed.Backoff;
import org.cppcc.archive.feed.FeedFollower;
import org.cppcc.archive.feed.FeedFollower.Applied;
import org.cppcc.archive.feed.FeedFollower.Position;
import org.cppcc.archive.feed.FeedStatus;
import org.cppcc.archive.feed.FeedUnavailableException;
import org.cppcc.archive.search.change.ChangePage;
import org.cppcc.archive.search.config.SearchConfig;
import org.cppcc.archive.search.index.SpeechIndex;
import org.cppcc.archive.search.model.AppliedBatch;
import org.cppcc.archive.search.model.RebuildTicket;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Follows document-service's change feed ({@link FeedFollower}: backoff, status, the {@code feed.*} metrics) and
 * applies each page to the index, which commits the cursor with it; replays the feed into a fresh index on a rebuild.
 */
@Singleton
public class FeedConsumer implements FeedFollower.Consumer<ChangePage> {

    private static final Logger LOG = Logger.getLogger(FeedConsumer.class);
    private static final Duration REBUILD_GIVE_UP = Duration.ofMinutes(5);

    private final SearchConfig config;
    private final DocumentClient documents;
    private final SpeechIndex index;
    private final FeedFollower<ChangePage> follower;
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicReference<String> lastRebuild = new AtomicReference<>();

    public FeedConsumer(SearchConfig config, DocumentClient documents, SpeechIndex index, MeterRegistry registry) {
        this.config = config;
        this.documents = documents;
        this.index = index;
        this.follower = new FeedFollower<>("search", "the index", config.feed(), documents.feed(), ChangePage.class,
                this, registry);
        Gauge.builder("search.index.speeches", this, c -> c.speechCountOrZero())
                .description("Speeches in the index").register(registry);
    }

    /** The cursor committed with the index. */
    @Override
    public Position position() {
        return new Position(index.cursor(), index.appliedAt());
    }

    /** Applies a page and commits its cursor with it; nothing when a rebuild swapped in another index since. */
    @Override
    public Applied apply(long after, ChangePage page) throws IOException {
        Optional<AppliedBatch> result = index.apply(after, page.items(), page.next());
        return result.map(r -> new Applied(r.cursor(), r.applied())).orElseGet(() -> new Applied(index.cursor(), 0));
    }

    void onStart(@Observes StartupEvent event) {
        follower.startIfEnabled();
        if (config.feed().enabled() && index.outdated()) {
            // searches are answered from the old index until the rebuilt one is swapped in
            LOG.info("The index was written in an older format: rebuilding it from the change feed");
            rebuild();
        }
    }

    /** Stops following the feed and any rebuild; a started batch finishes or is abandoned uncommitted. */
    void onStop(@Observes ShutdownEvent event) {
        rebuilds.shutdownNow();
        follower.stop();
    }

    public FeedStatus status() {
        return follower.status();
    }

    public boolean rebuilding() {
        return rebuilding.get();
    }

    /** How the last rebuild ended, or null before any. */
    public String lastRebuild() {
        return lastRebuild.get();
    }

    /** Replays the whole feed into a fresh index and swaps it in; one rebuild at a time. */
    public RebuildTicket rebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return new RebuildTicket("running", "A rebuild is already running.");
        }
        try {
            rebuilds.submit(this::replay);
        } catch (RuntimeException e) {
            rebuilding.set(false);
            throw e;
        }
        return new RebuildTicket("started", "Replaying the change feed into a fresh index; searches are answered "
                + "from the current one until it is swapped in.");
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
        Backoff backoff = new Backoff(config.feed().initialBackoff(), config.feed().maxBackoff());
        while (!Thread.currentThread().isInterrupted()) {
            try {
                ChangePage page = documents.feed().changes(target.cursor(), config.feed().batchSize(), 0,
                        ChangePage.class);
                target.apply(page.items(), page.next());
                if (page.items().size() < config.feed().batchSize()) {
                    return;
                }
                backoff.succeeded();
            } catch (FeedUnavailableException | IOException e) {
                if (Duration.between(started, Instant.now()).compareTo(REBUILD_GIVE_UP) > 0) {
                    throw new IOException("gave up after " + REBUILD_GIVE_UP + ": " + e.getMessage(), e);
                }
                LOG.debugf("Rebuild waiting for the feed: %s", e.getMessage());
                if (!backoff.pause()) {
                    throw new InterruptedException();
                }
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
}
