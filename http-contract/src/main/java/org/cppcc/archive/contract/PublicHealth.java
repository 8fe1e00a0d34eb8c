package org.cppcc.archive.contract;

import java.util.function.Supplier;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Health on the public port says up or down and nothing else: {@code /q/health}, {@code /q/health/live},
 * {@code /q/health/ready} and {@code /q/health/started} answer {@code {"status":"UP"}} (200) or
 * {@code {"status":"DOWN"}} (503). The checks themselves, with their details (which upstream, which store, which
 * breaker), and the metrics are on the management interface ({@code quarkus.management.*}, 127.0.0.1 only).
 */
@Singleton
public class PublicHealth {

    private final SmallRyeHealthReporter reporter;

    PublicHealth(SmallRyeHealthReporter reporter) {
        this.reporter = reporter;
    }

    void install(@Observes Router router) {
        router.get("/q/health").handler(ctx -> answer(ctx, reporter::getHealth));
        router.get("/q/health/live").handler(ctx -> answer(ctx, reporter::getLiveness));
        router.get("/q/health/ready").handler(ctx -> answer(ctx, reporter::getReadiness));
        router.get("/q/health/started").handler(ctx -> answer(ctx, reporter::getStartup));
    }

    private static void answer(RoutingContext ctx, Supplier<SmallRyeHealth> check) {
        ctx.vertx().executeBlocking(() -> !check.get().isDown(), false).onComplete(result -> {
            boolean up = result.succeeded() && result.result();
            ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store").end(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
        });
    }
}
