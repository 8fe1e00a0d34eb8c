package org.cppcc.archive.contract;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Handler;
import io.vertx.core.Verticle;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.Deployment;
import io.vertx.core.impl.VertxInternal;

/**
 * Problem+json for the requests the HTTP codec refuses before any route sees them: a request line or header block
 * beyond the limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}), bytes that are not
 * HTTP (control characters in the request line, a NUL in a header value, a malformed chunk). Vert.x answers those
 * through the server's {@code invalidRequestHandler} with an empty body (and Quarkus refuses a request target that is no URI with an empty 400); Quarkus (3.33) creates the server itself and
 * offers no way to set that handler, so this class sets it on each started server's connection handler. The fields
 * it reaches are Vert.x 4.5 internals: when they are not found it logs a warning and the default answers stay (the
 * system test ErrorsFromEveryLayerIT then fails, which is how an upgrade that moves them is noticed).
 */
@Singleton
public class InvalidRequests {

    private static final Logger LOG = Logger.getLogger(InvalidRequests.class);
    private static final String QUARKUS_VERTICLE = "io.quarkus.vertx.http.runtime.VertxHttpRecorder$WebDeploymentVerticle";
    private static final int ATTEMPTS = 200;

    /** The answer to a request the codec could not read. */
    public static final Handler<HttpServerRequest> HANDLER = InvalidRequests::answer;

    private final Vertx vertx;

    InvalidRequests(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The event comes (asynchronously) when the first of the server's verticle instances listens. */
    void install(@ObservesAsync HttpServerStart started) {
        vertx.runOnContext(v -> patchUntilDone(vertx, 0));
    }

    private void patchUntilDone(Vertx vertx, int attempt) {
        int pending;
        try {
            pending = patch((VertxInternal) vertx);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Requests the HTTP codec refuses keep Vert.x's empty answers: %s", e.toString());
            return;
        }
        LOG.debugf("attempt %d: %d HTTP server(s) not listening yet", attempt, pending);
        if (pending > 0 && attempt < ATTEMPTS) {
            vertx.setTimer(25, id -> patchUntilDone(vertx, attempt + 1));
        } else if (pending > 0) {
            LOG.warnf("%d HTTP server(s) did not start listening; their refusals keep Vert.x's empty answers", pending);
        }
    }

    /** Sets the handler on every Quarkus HTTP server that listens; answers how many do not listen yet. */
    private static int patch(VertxInternal vertx) throws ReflectiveOperationException {
        int pending = 0;
        for (HttpServer server : quarkusServers(vertx)) {
            Object worker = field(server, "childHandler");
            if (worker == null) {
                pending++;
                continue;
            }
            Object connections = field(worker, "connectionHandler");
            Field invalid = declared(connections.getClass(), "invalidRequestHandler");
            if (invalid.get(connections) != HANDLER) {
                invalid.set(connections, HANDLER);
            }
            Field requests = declared(connections.getClass(), "requestHandler");
            if (requests.get(connections) instanceof Handler<?> current && !(current instanceof ValidTargets)) {
                @SuppressWarnings("unchecked")
                Handler<HttpServerRequest> quarkus = (Handler<HttpServerRequest>) current;
                requests.set(connections, new ValidTargets(quarkus));
            }
        }
        return pending;
    }

    private static List<HttpServer> quarkusServers(VertxInternal vertx) throws ReflectiveOperationException {
        List<HttpServer> servers = new ArrayList<>();
        for (String id : vertx.deploymentIDs()) {
            Deployment deployment = vertx.getDeployment(id);
            if (deployment == null) {
                continue;
            }
            for (Verticle verticle : deployment.getVerticles()) {
                if (!verticle.getClass().getName().equals(QUARKUS_VERTICLE)) {
                    continue;
                }
                for (String name : List.of("httpServer", "httpsServer")) {
                    if (field(verticle, name) instanceof HttpServer server) {
                        servers.add(server);
                    }
                }
            }
        }
        if (servers.isEmpty()) {
            throw new NoSuchFieldException("no started Quarkus HTTP server found");
        }
        return servers;
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        return declared(target.getClass(), name).get(target);
    }

    private static Field declared(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    /**
     * Quarkus's own request handler refuses a request target that is no URI (e.g. a control character or a space
     * in the path) with an empty 400 before routing; this answers those first, with a problem.
     */
    private record ValidTargets(Handler<HttpServerRequest> quarkus) implements Handler<HttpServerRequest> {

        @Override
        public void handle(HttpServerRequest request) {
            try {
                new URI(request.uri());
            } catch (URISyntaxException | RuntimeException e) {
                Problems.sendUnrouted(request, 400, "The request target is not a valid URI (percent-encode spaces, "
                        + "control characters and anything but printable ASCII).");
                return;
            }
            quarkus.handle(request);
        }
    }

    /** Status and wording as the codec's refusal warrants, problem+json, and the connection closed after it. */
    static void answer(HttpServerRequest request) {
        DecoderResult result = request.decoderResult();
        Throwable cause = result == null ? null : result.cause();
        int status = 400;
        String detail = "The request is not valid HTTP/1.1: " + reason(cause);
        if (cause instanceof TooLongFrameException tooLong) {
            String message = String.valueOf(tooLong.getMessage());
            if (message.startsWith("An HTTP line is larger than")) {
                status = 414;
                detail = Problems.detail(414, request);
            } else if (message.startsWith("HTTP header is larger than")) {
                status = 431;
                detail = Problems.detail(431, request);
            }
        }
        request.response().putHeader("Connection", "close");
        Problems.sendUnrouted(request, status, detail);
    }

    /** What was wrong, in the caller's terms (the decoder's messages name no class, but are not ours to pass on). */
    private static String reason(Throwable cause) {
        String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        if (message.startsWith("Illegal character in request line") || message.contains("request line")) {
            return "the request line holds a character HTTP does not allow there (percent-encode anything but "
                    + "printable ASCII).";
        }
        if (message.contains("header")) {
            return "a header field holds a character HTTP does not allow (such as NUL or a line break).";
        }
        if (message.contains("chunk")) {
            return "the chunked body is malformed.";
        }
        return "it could not be read.";
    }
}
