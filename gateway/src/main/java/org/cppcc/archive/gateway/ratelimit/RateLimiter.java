package org.cppcc.archive.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.cppcc.archive.gateway.config.GatewayConfig;

import io.vertx.core.Vertx;

/**
 * One token bucket per client id. A client's budget is the largest one among its roles, so an admin
 * machine is not throttled like a portal. Idle buckets are dropped once full again, which keeps memory
 * bounded by the number of recently active clients.
 */
@Singleton
public class RateLimiter {

    private final Map<String, Long> perMinuteByRole;
    private final long defaultPerMinute;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(GatewayConfig config, Vertx vertx) {
        this.perMinuteByRole = config.rateLimit().requestsPerMinute();
        this.defaultPerMinute = config.rateLimit().defaultRequestsPerMinute();
        vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), id -> buckets.values().removeIf(TokenBucket::isFull));
    }

    public TokenBucket.Decision take(String clientId, Set<String> roles) {
        long perMinute = roles.stream().map(perMinuteByRole::get).filter(l -> l != null)
                .max(Long::compare).orElse(defaultPerMinute);
        return buckets.computeIfAbsent(clientId + "|" + perMinute,
                key -> new TokenBucket(perMinute, Duration.ofMinutes(1).toNanos(), System::nanoTime)).tryTake();
    }
}
