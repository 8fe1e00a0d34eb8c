package org.cppcc.archive.contract;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Vert.x-level handlers that run before any resource or proxy, in the gateway and in every service: a request id on
 * every exchange, the security headers on every answer, a problem+json 401 for a token-less API call (Quarkus would
 * give a bare challenge), and problem+json for every refusal the router or the security layer gives itself: an
 * unknown path (404), a method (405) or media type (406, 415) no route takes, a body without a length (411) or over
 * the limit (413), a path with dot segments (400), and any failure no one else answered. What the HTTP codec refuses before routing is answered by
 * {@link InvalidRequests}.
 */
@Singleton
public class HttpFilters {

    /** Every status the router answers by itself when no route takes a request, or a failure stays unhandled. */
    private static final List<Integer> ROUTER_STATUSES = List.of(400, 401, 403, 404, 405, 406, 411, 413, 414, 415,
            431, 500, 501, 503);

    private final boolean cors;
    private final long maxBody;

    HttpFilters(@ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean cors,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.cors = cors;
        this.maxBody = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::filter);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        for (int status : ROUTER_STATUSES) {
            router.errorHandler(status, ctx -> unrouted(ctx, status));
        }
    }

    private void filter(RoutingContext ctx) {
        ctx.response().putHeader(RequestIds.HEADER, RequestIds.of(ctx.request()));
        ctx.addHeadersEndHandler(v -> SecurityHeaders.apply(ctx.request(), ctx.response()));
        String length = ctx.request().getHeader("Content-Length");
        if (length == null && ctx.request().version() == HttpVersion.HTTP_1_0 && carriesBody(ctx.request().method())) {
            // HTTP/1.0 has no chunked encoding: without a length, the body would end only when the connection does
            refuse(ctx, 411);
        } else if (length != null && declaredLength(length) > maxBody) {
            refuse(ctx, 413);
        } else if (hasDotSegment(ctx.request().path())) {
            Problems.send(ctx, 400, "The path must not contain a . or .. segment; send the address it stands for.");
        } else if (ctx.request().path().startsWith("/api/") && !hasBearerToken(ctx) && !isPreflight(ctx)) {
            ctx.fail(new UnauthorizedException());
        } else {
            ctx.next();
        }
    }

    /** Answers before the body is read, and closes the connection: what follows on it is the body we refused. */
    private static void refuse(RoutingContext ctx, int status) {
        ctx.response().putHeader("Connection", "close");
        Problems.send(ctx, status, Problems.detail(status, ctx.request()));
    }

    private static boolean carriesBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    /** A Content-Length that is no number counts as too long: the codec would not have passed one with two values. */
    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Whether the raw path has a "." or ".." segment, plain or percent-encoded. The router would resolve it, so that
     * {@code /api/v1/search/similar/..} reached {@code /api/v1/search}: a parameter value must not change which
     * operation answers. Clients resolve dot segments before they send a request (RFC 3986 §5.2.4).
     */
    static boolean hasDotSegment(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            String decoded = segment.replace("%2e", ".").replace("%2E", ".");
            if (decoded.equals(".") || decoded.equals("..")) {
                return true;
            }
        }
        return false;
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
        answer(ctx, status);
    }

    /** The router's own answer when no route took the request (or a failure stayed unhandled). */
    private void unrouted(RoutingContext ctx, int status) {
        if (ctx.response().ended()) {
            return;
        }
        answer(ctx, ctx.failure() instanceof ForbiddenException ? 403 : status);
    }

    private static void answer(RoutingContext ctx, int status) {
        if (status >= 500 && !Problems.reportUnexpected(ctx.failure(), ctx.request())) {
            return;
        }
        if (status == 413 || status == 411) {
            ctx.response().putHeader("Connection", "close");
        }
        Problems.send(ctx, status, Problems.detail(status, ctx.request()));
    }
}
