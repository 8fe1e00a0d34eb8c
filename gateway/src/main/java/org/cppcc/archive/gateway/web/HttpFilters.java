package org.cppcc.archive.gateway.web;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs before routing: gives every exchange a request id, and turns the security layer's 401/403
 * (and any other failure) into problem+json, so no error leaves the gateway in another shape.
 */
@Singleton
public class HttpFilters {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::assignRequestId);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    }

    private void assignRequestId(RoutingContext ctx) {
        ctx.response().putHeader(RequestIds.HEADER, RequestIds.of(ctx.request()));
        if (ctx.request().path().startsWith("/api/") && !hasBearerToken(ctx) && !isPreflight(ctx)) {
            // Quarkus would answer a token-less call with a bare 401 challenge; give it our problem body.
            ctx.fail(new UnauthorizedException());
            return;
        }
        ctx.next();
    }

    /** A CORS preflight carries no token by design; the CORS filter that runs next answers it. */
    private static boolean isPreflight(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.OPTIONS && ctx.request().getHeader("Origin") != null
                && ctx.request().getHeader("Access-Control-Request-Method") != null;
    }

    private static boolean hasBearerToken(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException
                || ctx.statusCode() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"speech-archive\"");
            Problems.send(ctx, 401, "A valid bearer token issued by the speech-archive realm is required.");
        } else if (failure instanceof ForbiddenException || ctx.statusCode() == 403) {
            Problems.send(ctx, 403, "The token does not carry the role this operation needs.");
        } else if (ctx.statusCode() == 413) {
            Problems.send(ctx, 413, "The request body is larger than the gateway accepts.");
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            Problems.send(ctx, ctx.statusCode(), "The request was refused.");
        } else {
            Problems.send(ctx, 500, "The gateway failed to handle the request.");
        }
    }
}
