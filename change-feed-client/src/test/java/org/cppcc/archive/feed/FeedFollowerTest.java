package org.cppcc.archive.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The loop against a real local feed of five changes (cursors 1-5), read two at a time: each page applied once and
 * its cursor stored, the status and the five metrics, a failing feed or store retried until it recovers.
 */
class FeedFollowerTest {

    record Page(List<Item> items, long next, Long head) implements FeedPage {
    }

    record Item(long cursor) {
    }

    private static final int HEAD = 5;

    private LocalServer server;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    /** A consumer that stores its cursor in memory, failing {@code failures} applies first. */
    static class Store implements FeedFollower.Consumer<Page> {
        final List<Long> applied = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();
        volatile long cursor;
        volatile Instant appliedAt;

        @Override
        public FeedFollower.Position position() {
            return new FeedFollower.Position(cursor, appliedAt);
        }

        @Override
        public FeedFollower.Applied apply(long after, Page page) throws IOException {
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IOException("store unavailable");
            }
            for (Item item : page.items()) {
                applied.add(item.cursor());
                cursor = item.cursor();
                appliedAt = Instant.now();
            }
            return new FeedFollower.Applied(cursor, page.items().size());
        }
    }

    record Settings(boolean enabled, String documentUrl) implements FeedSettings {
        @Override
        public int batchSize() {
            return 2;
        }

        @Override
        public int waitSeconds() {
            return 1;
        }

        @Override
        public Duration initialBackoff() {
            return Duration.ofMillis(10);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofMillis(40);
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer(this::changes);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The feed: items after {@code after}, at most {@code limit}; with none, the long poll waits a little. */
    private void changes(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        Map<String, Long> query = Stream.of(exchange.getRequestURI().getQuery().split("&"))
                .map(p -> p.split("=")).collect(Collectors.toMap(p -> p[0], p -> Long.parseLong(p[1])));
        long after = query.get("after");
        List<String> items = new ArrayList<>();
        for (long c = after + 1; c <= HEAD && items.size() < query.get("limit"); c++) {
            items.add("{\"cursor\":" + c + "}");
        }
        int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
        if (status == 200 && items.isEmpty()) {
            sleep(200);
        }
        long next = items.isEmpty() ? after : after + items.size();
        LocalServer.answer(exchange, status, status == 503 ? "{\"status\":503}"
                : "{\"items\":[" + String.join(",", items) + "],\"next\":" + next + ",\"head\":" + HEAD + "}");
    }

    private FeedFollower<Page> follower(Store store, MeterRegistry registry, boolean enabled) {
        Settings settings = new Settings(enabled, server.url());
        return new FeedFollower<>("test", "the store", settings,
                new FeedClient(settings.documentUrl(), LocalServer.token("token")), Page.class, store, registry);
    }

    @Test
    void everyChangeIsAppliedOnceAndTheStatusAndMetricsSayCaughtUp() {
        Store store = new Store();
        MeterRegistry registry = new SimpleMeterRegistry();
        FeedFollower<Page> follower = follower(store, registry, true);
        FeedStatus before = follower.status();
        assertEquals(new FeedStatus(0, null, 0, 0, false, false, null, null), before);

        follower.startIfEnabled();
        try {
            awaitTrue(() -> follower.status().caughtUp());
            FeedStatus status = follower.status();
            assertEquals(5, status.feedCursor());
            assertEquals(5L, status.feedHead());
            assertEquals(0, status.lagChanges());
            assertEquals(0, status.lagSeconds());
            assertTrue(status.feedRunning());
            assertNull(status.feedError());
            assertEquals(store.appliedAt, status.lastAppliedAt());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), store.applied);

            assertEquals(5.0, registry.get("feed.changes.applied").counter().count());
            assertEquals(0.0, registry.get("feed.errors").counter().count());
            assertEquals(5.0, registry.get("feed.cursor").gauge().value());
            assertEquals(0.0, registry.get("feed.lag.changes").gauge().value());
            assertEquals(0.0, registry.get("feed.lag.seconds").gauge().value());
            assertEquals("Changes of document-service's feed applied to the store",
                    registry.get("feed.changes.applied").counter().getId().getDescription());
        } finally {
            follower.stop();
        }
        assertFalse(follower.status().feedRunning());
    }

    @Test
    void aFailingFeedAndAFailingStoreAreRetriedUntilTheyRecover() {
        failuresLeft.set(3);
        Store store = new Store();
        store.failures.set(2);
        MeterRegistry registry = new SimpleMeterRegistry();
        FeedFollower<Page> follower = follower(store, registry, true);
        follower.start();
        try {
            awaitTrue(() -> follower.status().feedError() != null);
            awaitTrue(() -> follower.status().caughtUp());
            FeedStatus status = follower.status();
            assertNull(status.feedError(), "cleared once the feed answers");
            assertEquals(5, status.feedCursor());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), store.applied, "nothing applied twice, nothing skipped");
            assertEquals(5.0, registry.get("feed.errors").counter().count(), "three refused reads, two failed applies");
            assertEquals(5.0, registry.get("feed.changes.applied").counter().count());
        } finally {
            follower.stop();
        }
    }

    /** A consumer whose turn comes when the test gives it (as a stats replica waits for the consumer lease). */
    static final class Standby extends Store {
        final CountDownLatch turn = new CountDownLatch(1);
        final CountDownLatch waiting = new CountDownLatch(1);

        @Override
        public void awaitTurn() throws InterruptedException {
            waiting.countDown();
            turn.await();
        }

        @Override
        public boolean hasTurn() {
            return turn.getCount() == 0;
        }
    }

    @Test
    void aConsumerWaitingForItsTurnReadsNothingUntilItComes() {
        Standby store = new Standby();
        FeedFollower<Page> follower = follower(store, new SimpleMeterRegistry(), true);
        follower.start();
        try {
            awaitTrue(() -> store.waiting.getCount() == 0);
            FeedStatus waiting = follower.status();
            assertFalse(waiting.feedRunning(), "another replica follows the feed");
            assertEquals(0, waiting.lagSeconds());
            assertEquals(0, requests.get());
            store.turn.countDown();
            awaitTrue(() -> follower.status().caughtUp());
            assertTrue(follower.status().feedRunning());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), store.applied);
        } finally {
            follower.stop();
        }
    }

    @Test
    void aDisabledFollowerReadsNothing() {
        Store store = new Store();
        FeedFollower<Page> follower = follower(store, new SimpleMeterRegistry(), false);
        follower.startIfEnabled();
        FeedStatus status = follower.status();
        assertFalse(status.feedRunning());
        assertEquals(0, status.lagSeconds());
        assertEquals(0, requests.get());
        follower.stop();
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            sleep(20);
        }
        assertTrue(condition.getAsBoolean(), "condition not met within 20 s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
