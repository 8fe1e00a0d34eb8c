package org.cppcc.archive.stats.web;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.cppcc.archive.stats.rest.Problem;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Vert.x-level handlers that run before any resource: request ids on every exchange, and
 * problem+json for the 401/403 answers that the security layer gives before a resource is reached.
 */
@Singleton
public class HttpFilters {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::assignRequestId);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::securityFailure);
    }

    private void assignRequestId(RoutingContext ctx) {
        ctx.response().putHeader(RequestIds.HEADER, RequestIds.of(ctx.request()));
        if (ctx.request().path().startsWith("/api/") && !hasBearerToken(ctx)) {
            // Quarkus would answer a token-less call with a bare 401 challenge; give it our problem body.
            ctx.fail(new UnauthorizedException());
            return;
        }
        ctx.next();
    }

    private static boolean hasBearerToken(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private void securityFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status;
        String detail;
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException) {
            status = 401;
            detail = "A valid bearer token issued by the speech-archive realm is required.";
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"speech-archive\"");
        } else if (failure instanceof ForbiddenException) {
            status = 403;
            detail = "The token does not carry the role this operation needs.";
        } else {
            ctx.next();
            return;
        }
        Problem problem = new Problem("about:blank", status == 401 ? "Unauthorized" : "Forbidden", status, detail,
                ctx.request().path(), RequestIds.of(ctx.request()), null);
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(Json.encode(problem));
    }
}
