package org.cppcc.archive.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.cppcc.archive.gateway.config.GatewayConfig;
import org.cppcc.archive.gateway.resilience.CircuitBreaker;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/**
 * One token bucket per client id. A client's budget is the largest one among its roles, so an admin machine is not
 * throttled like a portal. Who the client is and its budget are worked out once per token
 * ({@link #client(SecurityIdentity)}, kept with the token in the gateway's token cache). The buckets are in Redis,
 * shared by every gateway, when {@code gateway.rate-limit.redis-url} is set ({@link RedisBuckets}), else in this
 * gateway's memory ({@link LocalBuckets}).
 */
@Singleton
public class RateLimiter {

    /** Whose bucket a request is charged to, and its size. */
    public record Client(String id, long perMinute, String bucketKey) {
    }

    /** Redis failures in a row after which takes are counted locally, and for how long before Redis is tried again. */
    private static final int REDIS_FAILURES = 3;
    private static final Duration REDIS_RETRY = Duration.ofSeconds(5);

    private final Map<String, Long> perMinuteByRole;
    private final long defaultPerMinute;
    private final Buckets buckets;
    private final Optional<RedisBuckets> shared;

    /** {@code redis} is looked up only when a Redis is configured: without one, its client does not exist. */
    public RateLimiter(GatewayConfig config, Vertx vertx, Instance<Redis> redis) {
        this.perMinuteByRole = Map.copyOf(config.rateLimit().requestsPerMinute());
        this.defaultPerMinute = config.rateLimit().defaultRequestsPerMinute();
        LocalBuckets local = new LocalBuckets(vertx);
        this.shared = config.rateLimit().redisUrl().map(url -> new RedisBuckets(redis.get(), local, vertx,
                config.rateLimit().redisTimeout(), new CircuitBreaker(REDIS_FAILURES, REDIS_RETRY, System::nanoTime)));
        this.buckets = shared.isPresent() ? shared.get() : local;
    }

    /** The client of an authenticated caller: its token's {@code azp} (the Keycloak client), else its name. */
    public Client client(SecurityIdentity identity) {
        String clientId = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("azp") != null
                ? jwt.getClaim("azp").toString()
                : identity.getPrincipal().getName();
        return client(clientId, identity.getRoles());
    }

    private Client client(String clientId, Set<String> roles) {
        long perMinute = -1;
        for (String role : roles) {
            Long budget = perMinuteByRole.get(role);
            if (budget != null && budget > perMinute) {
                perMinute = budget;
            }
        }
        if (perMinute < 0) {
            perMinute = defaultPerMinute;
        }
        return new Client(clientId, perMinute, clientId + "|" + perMinute);
    }

    public Future<TokenBucket.Decision> take(Client client) {
        return buckets.take(client);
    }

    /** The shared buckets, when the gateways share them through Redis. */
    public Optional<RedisBuckets> shared() {
        return shared;
    }
}
