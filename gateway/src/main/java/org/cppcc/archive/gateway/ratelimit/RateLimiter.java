package org.cppcc.archive.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.cppcc.archive.gateway.config.GatewayConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Vertx;

/**
 * One token bucket per client id. A client's budget is the largest one among its roles, so an admin
 * machine is not throttled like a portal. Idle buckets are dropped once full again, which keeps memory
 * bounded by the number of recently active clients. A request costs one map lookup and one lock-free
 * take; who the client is and its budget are worked out once per token ({@link #client(SecurityIdentity)},
 * kept with the token in the gateway's token cache).
 */
@Singleton
public class RateLimiter {

    /** Whose bucket a request is charged to, and its size. */
    public record Client(String id, long perMinute, String bucketKey) {
    }

    private final Map<String, Long> perMinuteByRole;
    private final long defaultPerMinute;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(GatewayConfig config, Vertx vertx) {
        this.perMinuteByRole = Map.copyOf(config.rateLimit().requestsPerMinute());
        this.defaultPerMinute = config.rateLimit().defaultRequestsPerMinute();
        vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), id -> buckets.values().removeIf(TokenBucket::isFull));
    }

    /** The client of an authenticated caller: its token's {@code azp} (the Keycloak client), else its name. */
    public Client client(SecurityIdentity identity) {
        String clientId = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("azp") != null
                ? jwt.getClaim("azp").toString()
                : identity.getPrincipal().getName();
        return client(clientId, identity.getRoles());
    }

    public Client client(String clientId, Set<String> roles) {
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

    public TokenBucket.Decision take(String clientId, Set<String> roles) {
        return take(client(clientId, roles));
    }

    public TokenBucket.Decision take(Client client) {
        TokenBucket bucket = buckets.get(client.bucketKey());
        if (bucket == null) {
            bucket = buckets.computeIfAbsent(client.bucketKey(),
                    key -> new TokenBucket(client.perMinute(), Duration.ofMinutes(1).toNanos(), System::nanoTime));
        }
        return bucket.tryTake();
    }
}
