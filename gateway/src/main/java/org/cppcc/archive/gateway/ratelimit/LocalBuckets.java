package org.cppcc.archive.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * One {@link TokenBucket} per client in this gateway's memory. Idle buckets are dropped once full again, which keeps
 * memory bounded by the number of recently active clients. A take costs one map lookup and one lock-free update.
 */
public final class LocalBuckets implements Buckets {

    private static final long PERIOD_NANOS = Duration.ofMinutes(1).toNanos();

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public LocalBuckets(Vertx vertx) {
        vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), id -> buckets.values().removeIf(TokenBucket::isFull));
    }

    @Override
    public Future<TokenBucket.Decision> take(RateLimiter.Client client) {
        return Future.succeededFuture(takeNow(client));
    }

    public TokenBucket.Decision takeNow(RateLimiter.Client client) {
        TokenBucket bucket = buckets.get(client.bucketKey());
        if (bucket == null) {
            bucket = buckets.computeIfAbsent(client.bucketKey(),
                    key -> new TokenBucket(client.perMinute(), PERIOD_NANOS, System::nanoTime));
        }
        return bucket.tryTake();
    }
}
