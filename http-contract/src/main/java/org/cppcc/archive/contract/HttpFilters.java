package org.cppcc.archive.contract;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Vert.x-level handlers that run before any resource or proxy, in the gateway and in every service: a request id on
 * every exchange, the security headers on every answer, a problem+json 401 for a token-less API call (Quarkus would
 * give a bare challenge), and problem+json for every failure the router or the security layer answers itself.
 */
@Singleton
public class HttpFilters {

    private static final Logger LOG = Logger.getLogger(HttpFilters.class);

    private final boolean cors;

    HttpFilters(@ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean cors) {
        this.cors = cors;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::assignRequestId);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    }

    private void assignRequestId(RoutingContext ctx) {
        ctx.response().putHeader(RequestIds.HEADER, RequestIds.of(ctx.request()));
        ctx.addHeadersEndHandler(v -> SecurityHeaders.apply(ctx.request(), ctx.response()));
        if (ctx.request().path().startsWith("/api/") && !hasBearerToken(ctx) && !isPreflight(ctx)) {
            ctx.fail(new UnauthorizedException());
            return;
        }
        ctx.next();
    }

    /** A CORS preflight carries no token by design; where CORS is on, the CORS filter that runs next answers it. */
    private boolean isPreflight(RoutingContext ctx) {
        return cors && ctx.request().method() == HttpMethod.OPTIONS && ctx.request().getHeader("Origin") != null
                && ctx.request().getHeader("Access-Control-Request-Method") != null;
    }

    private static boolean hasBearerToken(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status = ctx.statusCode();
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException) {
            status = 401;
        } else if (failure instanceof ForbiddenException) {
            status = 403;
        } else if (status < 400 || status > 599) {
            status = 500;
        }
        if (status >= 500) {
            LOG.errorf(failure, "Unexpected failure on %s %s [%s]", ctx.request().method(), ctx.request().path(),
                    RequestIds.of(ctx.request()));
        }
        Problems.send(ctx, status, Problems.detail(status, ctx.request()));
    }
}
