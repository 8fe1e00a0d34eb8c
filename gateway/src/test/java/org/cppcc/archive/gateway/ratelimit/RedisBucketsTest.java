package org.cppcc.archive.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.cppcc.archive.gateway.resilience.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/** The token-bucket script in a real Redis, through the class that calls it, as two gateways would share it. */
class RedisBucketsTest {

    private static RedisServer server;
    private static Vertx vertx;
    private static Redis redis;
    private final AtomicLong now = new AtomicLong();

    @BeforeAll
    static void start() throws Exception {
        server = new RedisServer();
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, server.url());
    }

    @AfterAll
    static void stop() throws Exception {
        redis.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        server.close();
    }

    /** A gateway's buckets: its own Redis client (pooled as application.properties says), its own memory. */
    private RedisBuckets gateway() {
        return new RedisBuckets(Redis.createClient(vertx, new RedisOptions().setConnectionString(server.url())
                .setMaxPoolSize(32).setMaxPoolWaiting(4096)), new LocalBuckets(vertx), vertx, Duration.ofSeconds(2),
                new CircuitBreaker(1, Duration.ofSeconds(5), now::get));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Response redis(Request request) throws Exception {
        return await(redis.send(request));
    }

    private static RateLimiter.Client client(String id, long perMinute) {
        return new RateLimiter.Client(id, perMinute, id + "|" + perMinute);
    }

    @Test
    void grantsTheCapacityThenRefusesWithTheWaitForTheNextToken() throws Exception {
        RedisBuckets buckets = gateway();
        RateLimiter.Client portal = client("portal-capacity", 60);
        for (int left = 59; left >= 0; left--) {
            TokenBucket.Decision decision = await(buckets.take(portal));
            assertTrue(decision.allowed());
            assertEquals(left, decision.remaining());
            assertEquals(60, decision.limit());
        }
        TokenBucket.Decision refused = await(buckets.take(portal));
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.secondsToNext(), "one token per second at 60 per minute");
        assertEquals(60, refused.secondsToFull());
        assertTrue(buckets.healthy());
    }

    @Test
    void twoGatewaysTakingAtOnceShareOneBudget() throws Exception {
        List<RedisBuckets> gateways = List.of(gateway(), gateway());
        RateLimiter.Client portal = client("portal-shared", 30);
        long started = System.nanoTime();
        List<Future<TokenBucket.Decision>> takes = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            takes.add(gateways.get(i % 2).take(portal));
        }
        long allowed = 0;
        for (Future<TokenBucket.Decision> take : takes) {
            allowed += await(take).allowed() ? 1 : 0;
        }
        // 30 per minute also refills one token every two seconds while the takes run
        long refilled = (System.nanoTime() - started) / Duration.ofSeconds(2).toNanos();
        assertTrue(allowed >= 30 && allowed <= 30 + refilled + 1, allowed + " allowed of a budget of 30");
    }

    @Test
    void aBucketIsForgottenOnceFullAgainAndRefillsByRedisClock() throws Exception {
        RedisBuckets buckets = gateway();
        RateLimiter.Client portal = client("portal-refill", 10);
        for (int i = 0; i < 10; i++) {
            await(buckets.take(portal));
        }
        assertFalse(await(buckets.take(portal)).allowed());
        String key = "gateway:rate-limit:portal-refill|10";
        long ttl = redis(Request.cmd(Command.PTTL).arg(key)).toLong();
        assertTrue(ttl > 0 && ttl <= 60_001, "expires when it would be full again, not later: " + ttl);
        // a minute later by Redis' clock: move the last take back instead of waiting
        long at = redis(Request.cmd(Command.HGET).arg(key).arg("at")).toLong();
        redis(Request.cmd(Command.HSET).arg(key).arg("at").arg(at - 60_000_000L));
        TokenBucket.Decision decision = await(buckets.take(portal));
        assertTrue(decision.allowed());
        assertEquals(9, decision.remaining());
    }

    @Test
    void aScriptRedisForgotIsSentAgain() throws Exception {
        RedisBuckets buckets = gateway();
        redis(Request.cmd(Command.SCRIPT).arg("FLUSH"));
        assertTrue(await(buckets.take(client("portal-flushed", 5))).allowed());
        assertTrue(buckets.healthy());
        assertEquals(3, await(buckets.take(client("portal-flushed", 5))).remaining(), "EVALSHA again, same bucket");
    }

    @Test
    void withRedisDownEachGatewayCountsAloneUntilRedisAnswersAgain() throws Exception {
        RedisBuckets buckets = gateway();
        RateLimiter.Client portal = client("portal-outage", 3);
        assertEquals(2, await(buckets.take(portal)).remaining());
        server.kill();
        try {
            TokenBucket.Decision local = await(buckets.take(portal));
            assertTrue(local.allowed(), "served from the gateway's own bucket, not refused");
            assertEquals(2, local.remaining(), "a fresh bucket in memory");
            assertFalse(buckets.healthy());
            assertNotNull(buckets.lastFailure());
            assertEquals(1, await(buckets.take(portal)).remaining(), "Redis is not asked again for a while");
        } finally {
            server.start();
        }
        assertEquals(0, await(buckets.take(portal)).remaining(), "still counting alone until the breaker's trial");
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertEquals(2, await(buckets.take(portal)).remaining(), "Redis again (empty after its restart)");
        assertTrue(buckets.healthy());
    }

    @Test
    void anUnresponsiveRedisCostsATimeoutThenTheLocalCount() throws Exception {
        RedisBuckets buckets = gateway();
        RateLimiter.Client portal = client("portal-frozen", 3);
        assertEquals(2, await(buckets.take(portal)).remaining());
        server.freeze();
        try {
            TokenBucket.Decision local = await(buckets.take(portal));
            assertTrue(local.allowed());
            assertFalse(buckets.healthy());
            assertTrue(buckets.lastFailure().contains("TimeoutException"), buckets.lastFailure());
        } finally {
            server.thaw();
        }
    }
}
