package org.cppcc.archive.gateway.proxy;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.cppcc.archive.contract.Problems;
import org.cppcc.archive.contract.RequestIds;
import org.cppcc.archive.gateway.auth.TokenCache;
import org.cppcc.archive.gateway.config.GatewayConfig;
import org.cppcc.archive.gateway.proxy.Replicas.Replica;
import org.cppcc.archive.gateway.proxy.Upstreams.Upstream;
import org.cppcc.archive.gateway.ratelimit.RateLimiter;
import org.cppcc.archive.gateway.ratelimit.TokenBucket;
import org.jboss.logging.Logger;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards {@code /api/*} to the upstream that owns the path, to its replicas in turn, once the caller's rate limit
 * lets the request through. Bodies stream through in both directions
 * with back-pressure (nothing is buffered whole); status and headers are kept, the caller's bearer
 * token goes on, and the gateway adds {@code X-Request-Id} and {@code X-Forwarded-*}. Authentication
 * and role checks have already run (HTTP permissions in application.properties) when a request gets here.
 * <p>
 * Each event loop has its own client and so its own pool of keep-alive connections to the upstreams (HTTP/1.1, no
 * pipelining): a request is forwarded, answered and relayed on the event loop it arrived on, never handed between
 * threads (the rate limit's answer comes back on it too). Nothing here blocks or buffers a body.
 */
@Singleton
public class ProxyHandler {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);

    /** Connection-scoped headers (RFC 9110 §7.6.1) that must not be forwarded; looked up without case. */
    private static final Set<String> HOP_BY_HOP = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        HOP_BY_HOP.addAll(Set.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
                "trailer", "transfer-encoding", "upgrade", "host"));
    }

    /** Methods a caller may repeat without asking whether the first attempt was applied (RFC 9110 §9.2.1). */
    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    /** Routing-context flag: the body was refused mid-stream, so the upstream's failure is expected. */
    private static final String BODY_REFUSED = "gateway.body-refused";

    private final Upstreams upstreams;
    private final RateLimiter rateLimiter;
    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final PoolOptions poolOptions;
    /** One client per event loop (keyed by the loop), created on first use from that loop. */
    private final Map<Object, HttpClient> clients = new ConcurrentHashMap<>();
    private final long maxBody;
    private final long connectTimeoutMillis;
    private final long responseTimeoutMillis;
    private final long longPollTimeoutMillis;
    private final String[] longPollRoutes;

    public ProxyHandler(Upstreams upstreams, RateLimiter rateLimiter, GatewayConfig config, Vertx vertx) {
        this.upstreams = upstreams;
        this.rateLimiter = rateLimiter;
        this.vertx = vertx;
        this.clientOptions = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) config.upstreamClient().keepAliveTimeout().toSeconds())
                .setPipelining(false)
                .setTcpNoDelay(true);
        this.poolOptions = new PoolOptions().setHttp1MaxSize(config.upstreamClient().maxConnections());
        this.maxBody = config.maxBodySize().asLongValue();
        this.connectTimeoutMillis = config.connectTimeout().toMillis();
        this.responseTimeoutMillis = config.responseTimeout().toMillis();
        this.longPollTimeoutMillis = config.longPollTimeout().toMillis();
        this.longPollRoutes = config.longPollRoutes().toArray(String[]::new);
    }

    /** The client of the event loop we run on (any client off an event loop, which the router never is). */
    private HttpClient client() {
        Context context = Vertx.currentContext();
        Object loop = context instanceof ContextInternal internal ? internal.nettyEventLoop() : Thread.currentThread();
        HttpClient client = clients.get(loop);
        return client != null ? client
                : clients.computeIfAbsent(loop, l -> vertx.createHttpClient(clientOptions, poolOptions));
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
    }

    void install(@Observes Router router) {
        router.route("/api/*").handler(this::forward);
    }

    void forward(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        Upstream upstream = upstreams.forPath(in.path()).orElse(null);
        if (upstream == null) {
            Problems.send(ctx, 404, "No API at " + in.path() + ".");
            return;
        }
        in.pause(); // no body is read before the rate limit, which may answer later (Redis), lets the request through
        RateLimiter.Client client = clientOf(ctx);
        rateLimiter.take(client).onComplete(taken -> {
            if (!withinRateLimit(ctx, client, taken.result())) {
                in.resume();
                return;
            }
            String contentLength = in.getHeader("Content-Length");
            if (contentLength != null && parseLength(contentLength) > maxBody) {
                if (expectsContinue(in)) { // refused before the body was asked for: the caller sends none
                    ctx.response().putHeader("Connection", "close"); // should it send one anyway, it is not a request
                    Problems.send(ctx, 413, bodyTooLarge(maxBody));
                } else {
                    refuseOversizedBody(ctx, maxBody);
                }
                return;
            }
            attempt(ctx, upstream, upstream.replicas().attempts());
        });
    }

    /**
     * Sends the request to the next replica its breaker lets through. When no connection could be opened, the request
     * never reached that replica, so it goes on to the next one, whatever its method; when none is left, 503.
     */
    private void attempt(RoutingContext ctx, Upstream upstream, Replicas.Attempts attempts) {
        HttpServerRequest in = ctx.request();
        Replica replica = attempts.next().orElse(null);
        if (replica == null) {
            in.resume();
            unavailable(ctx, upstream.replicas().secondsUntilTrial(),
                    "The " + upstream.name() + " service is unavailable; retry later.");
            return;
        }
        client().request(requestOptions(in, replica)).onComplete(opened -> {
            if (opened.failed()) {
                replica.breaker().onFailure();
                LOG.warnf("No connection to %s at %s for %s [%s]: %s", upstream.name(), replica.baseUrl(),
                        in.path(), RequestIds.of(in), opened.cause().toString());
                attempt(ctx, upstream, attempts);
                return;
            }
            HttpClientRequest out = opened.result();
            copyRequestHeaders(in, out);
            if (expectsContinue(in)) {
                // The caller sends its body only after a 100 (Continue), or after waiting for one (curl: 1 s), so the
                // expectation goes upstream and the service's 100 comes back (RFC 9110 §10.1.1).
                out.continueHandler(v -> ctx.response().writeContinue());
                out.sendHead();
            }
            out.response().onComplete(answered -> {
                if (answered.failed()) {
                    onUpstreamFailure(ctx, upstream, replica, answered.cause());
                } else {
                    relay(ctx, upstream, replica, answered.result());
                }
            });
            pumpBody(ctx, in, out, maxBody);
        });
    }

    /** Whose bucket the caller's request is charged to: worked out once per token, kept in the token cache. */
    private RateLimiter.Client clientOf(RoutingContext ctx) {
        SecurityIdentity identity = ((QuarkusHttpUser) ctx.user()).getSecurityIdentity();
        RateLimiter.Client client = identity.getAttribute(TokenCache.RATE_LIMIT_CLIENT);
        return client != null ? client : rateLimiter.client(identity);
    }

    /** Tells the caller its budget; false (after answering 429) when it is spent. */
    private static boolean withinRateLimit(RoutingContext ctx, RateLimiter.Client client,
            TokenBucket.Decision decision) {
        ctx.response().putHeader("X-RateLimit-Limit", Long.toString(decision.limit()))
                .putHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()))
                .putHeader("X-RateLimit-Reset", Long.toString(decision.secondsToFull()));
        if (!decision.allowed()) {
            ctx.response().putHeader("Retry-After", Long.toString(decision.secondsToNext()));
            Problems.send(ctx, 429, "Client " + client.id() + " exceeded " + decision.limit()
                    + " requests per minute; retry after " + decision.secondsToNext() + " s.");
        }
        return decision.allowed();
    }

    private RequestOptions requestOptions(HttpServerRequest in, Replica replica) {
        return new RequestOptions()
                .setMethod(in.method())
                .setHost(replica.baseUrl().getHost())
                .setPort(replica.baseUrl().getPort())
                .setURI(in.uri())
                .setConnectTimeout(connectTimeoutMillis)
                .setIdleTimeout(isLongPoll(in.path()) ? longPollTimeoutMillis : responseTimeoutMillis);
    }

    private boolean isLongPoll(String path) {
        for (String prefix : longPollRoutes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static void copyRequestHeaders(HttpServerRequest in, HttpClientRequest request) {
        MultiMap out = request.headers();
        in.headers().forEach((name, value) -> {
            if (!HOP_BY_HOP.contains(name)) {
                out.add(name, value);
            }
        });
        String forwardedFor = in.getHeader("X-Forwarded-For");
        String client = in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
        out.set("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client);
        out.set("X-Forwarded-Proto", in.scheme());
        if (in.authority() != null) {
            out.set("X-Forwarded-Host", in.authority().toString());
        }
        out.set(RequestIds.HEADER, RequestIds.of(in));
        if (in.getHeader("Content-Length") == null && "chunked".equalsIgnoreCase(in.getHeader("Transfer-Encoding"))) {
            request.setChunked(true);
        }
    }

    /** Streams the caller's body upstream, pausing the caller whenever the upstream falls behind. */
    private void pumpBody(RoutingContext ctx, HttpServerRequest in, HttpClientRequest out, long maxBody) {
        long[] received = {0};
        in.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > maxBody) {
                ctx.put(BODY_REFUSED, true);
                out.reset();
                refuseOversizedBody(ctx, maxBody);
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                in.pause();
                out.drainHandler(v -> in.resume());
            }
        });
        in.endHandler(v -> out.end());
        in.exceptionHandler(e -> out.reset());
        in.resume();
    }

    /**
     * Answers 413 once the caller has finished sending: most clients write their whole body before they
     * read, and would otherwise see a broken connection instead of the problem. Whatever still arrives is
     * discarded; a caller that goes on sending past twice the limit is cut off.
     */
    private static void refuseOversizedBody(RoutingContext ctx, long maxBody) {
        HttpServerRequest in = ctx.request();
        long[] discarded = {0};
        in.handler(chunk -> {
            discarded[0] += chunk.length();
            if (discarded[0] > 2 * maxBody) {
                in.connection().close();
            }
        });
        in.endHandler(v -> Problems.send(ctx, 413, bodyTooLarge(maxBody)));
        in.resume();
    }

    private void relay(RoutingContext ctx, Upstream upstream, Replica replica, HttpClientResponse answer) {
        int status = answer.statusCode();
        if (status == 502 || status == 503 || status == 504) {
            replica.breaker().onFailure();
        } else {
            replica.breaker().onSuccess();
        }
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            answer.request().reset();
            return;
        }
        response.setStatusCode(status);
        answer.headers().forEach((name, value) -> {
            if (!HOP_BY_HOP.contains(name) && !name.equalsIgnoreCase(RequestIds.HEADER)) {
                response.headers().add(name, value);
            }
        });
        if (answer.getHeader("Content-Length") == null) {
            response.setChunked(true);
        }
        answer.exceptionHandler(e -> onUpstreamFailure(ctx, upstream, replica, e));
        answer.pipeTo(response);
    }

    /**
     * What the caller is told when the upstream fails after the request was sent: 504 when it stayed silent too
     * long; 503 (retry) when its connection closed or broke before the status line, which is what a restarting
     * or killed process does; 502 when it answered something that is not HTTP, or failed after its status was
     * relayed (then the caller's connection is closed, see {@link Problems#send}).
     */
    private void onUpstreamFailure(RoutingContext ctx, Upstream upstream, Replica replica, Throwable cause) {
        if (ctx.get(BODY_REFUSED) != null) {
            return; // we cut the upstream request off ourselves; the caller gets its 413
        }
        replica.breaker().onFailure();
        HttpServerRequest in = ctx.request();
        LOG.warnf("%s at %s failed on %s %s [%s]: %s", upstream.name(), replica.baseUrl(), in.method(), in.path(),
                RequestIds.of(in), cause.toString());
        if (ctx.response().headWritten()) {
            Problems.send(ctx, 502, "The " + upstream.name() + " service failed while answering.");
        } else if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
            Problems.send(ctx, 504, "The " + upstream.name() + " service did not answer in time.");
        } else if (cause instanceof HttpClosedException || cause instanceof IOException) {
            unavailable(ctx, upstream.replicas().secondsUntilTrial(), "The " + upstream.name()
                    + " service closed the connection before answering"
                    + (SAFE_METHODS.contains(in.method()) ? "; retry later."
                            : "; the request may or may not have been applied: check before repeating it."));
        } else {
            Problems.send(ctx, 502, "The " + upstream.name() + " service sent a malformed answer.");
        }
    }

    private static void unavailable(RoutingContext ctx, long retryAfterSeconds, String detail) {
        ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        Problems.send(ctx, 503, detail);
    }

    private static String bodyTooLarge(long maxBody) {
        return "The request body exceeds " + maxBody + " bytes.";
    }

    private static boolean expectsContinue(HttpServerRequest in) {
        String expect = in.getHeader("Expect");
        return expect != null && expect.equalsIgnoreCase("100-continue");
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
