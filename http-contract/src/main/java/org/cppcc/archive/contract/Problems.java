package org.cppcc.archive.contract;

import java.util.List;

import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Builds RFC 9457 problem details and writes them at the Vert.x level: one title and one wording for each status
 * that any layer (the HTTP codec, the router, the security layer, JAX-RS) refuses with.
 */
public final class Problems {

    public static final String UNAUTHORIZED = "A valid bearer token issued by the speech-archive realm is required.";
    public static final String FORBIDDEN = "The token does not carry the role this operation needs.";
    public static final String CHALLENGE = "Bearer realm=\"speech-archive\"";

    private static final Logger LOG = Logger.getLogger(Problems.class);

    private Problems() {
    }

    /** The reason phrase of a status ({@code 412} → "Precondition Failed"), "Error" for an unnamed one. */
    public static String title(int status) {
        String phrase = HttpResponseStatus.valueOf(status).reasonPhrase();
        // Netty names a status it does not know by its class, e.g. "Client Error (499)"
        return phrase == null || phrase.isBlank() || phrase.endsWith("(" + status + ")") ? "Error" : phrase;
    }

    /** The problem for a request: {@code instance} is its path, {@code requestId} its id. */
    public static Problem of(HttpServerRequest request, int status, String detail, List<Problem.Violation> violations,
            Integer line) {
        return new Problem("about:blank", title(status), status, detail, path(request), RequestIds.of(request),
                violations, line);
    }

    /**
     * The one wording of a refusal that carries no detail of its own: what the router, the HTTP codec or JAX-RS
     * answer for this status.
     */
    public static String detail(int status, HttpServerRequest request) {
        return switch (status) {
            case 400 -> "The request is malformed (for a JSON body: it is not complete, valid JSON).";
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> "No resource at " + path(request) + ".";
            case 405 -> request.method() + " is not supported on " + path(request) + ".";
            case 406 -> "None of the accepted media types can be produced.";
            case 411 -> "A request with a body needs a Content-Length (or chunked transfer encoding).";
            case 413 -> "The request body is larger than this server accepts.";
            case 414 -> "The request line (method, path and query) is longer than this server accepts.";
            case 415 -> "Unsupported media type " + request.getHeader("Content-Type") + ".";
            case 431 -> "The request's header fields are larger than this server accepts.";
            default -> status >= 500 ? unexpected(RequestIds.of(request)) : "The request was refused.";
        };
    }

    public static String unexpected(String requestId) {
        return "An unexpected error occurred; quote request id " + requestId + ".";
    }

    /**
     * Logs a failure no layer expected, with the request id its answer quotes. Unless the client went away first: then
     * the failure is the write of its answer, no one reads an answer any more, and nothing went wrong here.
     *
     * @return whether the client is still there to be answered
     */
    static boolean reportUnexpected(Throwable failure, HttpServerRequest request) {
        if (request.response().closed()) {
            LOG.debugf(failure, "Client gone before the answer to %s %s [%s]", request.method(), request.path(),
                    RequestIds.of(request));
            return false;
        }
        LOG.errorf(failure, "Unexpected failure on %s %s [%s]", request.method(), request.path(),
                RequestIds.of(request));
        return true;
    }

    /** Answers the routed request with a problem. */
    public static void send(RoutingContext ctx, int status, String detail) {
        send(ctx.request(), status, detail);
    }

    /**
     * Answers with a problem; when the head of another answer is already on its way (a streamed upstream answer),
     * closes the connection instead, so the caller sees an incomplete response rather than a silently truncated one.
     */
    public static void send(HttpServerRequest request, int status, String detail) {
        HttpServerResponse response = request.response();
        if (response.headWritten()) {
            request.connection().close();
            return;
        }
        Problem problem = of(request, status, detail, null, null);
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, problem.requestId());
        if (status == 401) {
            response.putHeader("WWW-Authenticate", CHALLENGE);
        }
        SecurityHeaders.apply(request, response);
        response.end(Json.encode(problem));
    }

    /**
     * Answers a request the HTTP codec refused: its line and headers are not to be trusted, so the problem carries
     * no {@code instance} and a fresh request id.
     */
    public static void sendUnrouted(HttpServerRequest request, int status, String detail) {
        HttpServerResponse response = request.response();
        String requestId = RequestIds.fresh();
        Problem problem = new Problem("about:blank", title(status), status, detail, null, requestId, null, null);
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId);
        SecurityHeaders.apply(request, response);
        response.end(Json.encode(problem));
    }

    /** The path as the problem's {@code instance}; for a request line the codec refused, the raw URI or nothing. */
    static String path(HttpServerRequest request) {
        try {
            String path = request.path();
            return path == null ? null : path;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
