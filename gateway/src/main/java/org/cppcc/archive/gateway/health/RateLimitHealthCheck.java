package org.cppcc.archive.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.cppcc.archive.gateway.ratelimit.RateLimiter;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;

/**
 * Where the rate limits are counted: DOWN while the gateways' shared Redis fails and this gateway counts alone (its
 * limits then hold per gateway, so N gateways grant a client up to N budgets). A group of its own
 * ({@code /q/health/group/rate-limit}), not part of readiness: a gateway that counts alone still serves, and a load
 * balancer must not take every gateway out of rotation because their rate limiter is down.
 */
@HealthGroup("rate-limit")
@ApplicationScoped
public class RateLimitHealthCheck implements HealthCheck {

    private final RateLimiter rateLimiter;

    public RateLimitHealthCheck(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("rate-limit").up();
        rateLimiter.shared().ifPresentOrElse(redis -> {
            if (redis.healthy()) {
                builder.withData("buckets", "shared in Redis");
            } else {
                builder.down().withData("buckets", "in this gateway's memory: Redis fails")
                        .withData("failure", String.valueOf(redis.lastFailure()));
            }
        }, () -> builder.withData("buckets", "in this gateway's memory (no Redis configured)"));
        return builder.build();
    }
}
