package org.cppcc.archive.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeoutException;

import org.cppcc.archive.gateway.resilience.CircuitBreaker;
import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Token buckets in a Redis every gateway shares, so that a client's budget is one however many gateways it reaches:
 * each take runs {@code ratelimit/token-bucket.lua} there (EVALSHA, and EVAL when Redis does not know the script yet,
 * after a restart say), which refills and takes atomically by Redis' clock.
 * <p>
 * When Redis fails (unreachable, erroring, or slower than {@code timeout}), the request is counted in this gateway's
 * memory instead ({@link LocalBuckets}): the limits keep holding per gateway, which is looser by the number of
 * gateways, rather than every request being refused because a rate limiter is down. After a few consecutive failures
 * Redis is left alone for a while (a breaker), so that requests do not each wait for it; {@link #healthy()} says
 * which mode the gateway is in, for the health check.
 */
public final class RedisBuckets implements Buckets {

    private static final Logger LOG = Logger.getLogger(RedisBuckets.class);
    static final String SCRIPT = script();
    private static final String SHA = sha1(SCRIPT);
    private static final String KEY_PREFIX = "gateway:rate-limit:";
    private static final long PERIOD_MILLIS = Duration.ofMinutes(1).toMillis();

    private final Redis redis;
    private final LocalBuckets fallback;
    private final Vertx vertx;
    private final long timeoutMillis;
    private final CircuitBreaker breaker;
    private volatile String lastFailure;

    public RedisBuckets(Redis redis, LocalBuckets fallback, Vertx vertx, Duration timeout, CircuitBreaker breaker) {
        this.redis = redis;
        this.fallback = fallback;
        this.vertx = vertx;
        this.timeoutMillis = timeout.toMillis();
        this.breaker = breaker;
    }

    @Override
    public Future<TokenBucket.Decision> take(RateLimiter.Client client) {
        if (!breaker.tryAcquire()) {
            return fallback.take(client);
        }
        // bound to the caller's context, so that the caller goes on on its own event loop
        Promise<TokenBucket.Decision> decided = ((ContextInternal) vertx.getOrCreateContext()).promise();
        long timer = vertx.setTimer(timeoutMillis, id -> decided.tryFail(
                new TimeoutException("no answer from Redis within " + timeoutMillis + " ms")));
        String key = KEY_PREFIX + client.bucketKey();
        redis.send(script(Command.EVALSHA, SHA, key, client.perMinute()))
                .recover(e -> e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT")
                        ? redis.send(script(Command.EVAL, SCRIPT, key, client.perMinute()))
                        : Future.failedFuture(e))
                .onComplete(answered -> {
                    vertx.cancelTimer(timer);
                    if (answered.succeeded()) {
                        decided.tryComplete(decision(answered.result(), client.perMinute()));
                    } else {
                        decided.tryFail(answered.cause());
                    }
                });
        return decided.future().transform(outcome -> {
            if (outcome.succeeded()) {
                onSuccess();
                return Future.succeededFuture(outcome.result());
            }
            onFailure(outcome.cause());
            return fallback.take(client);
        });
    }

    /** Whether takes go to Redis (false: counted in this gateway's memory since Redis failed). */
    public boolean healthy() {
        return breaker.state() == CircuitBreaker.State.CLOSED;
    }

    /** Why Redis was last given up on, for the health check; null if it never was. */
    public String lastFailure() {
        return lastFailure;
    }

    private void onSuccess() {
        if (breaker.state() != CircuitBreaker.State.CLOSED) {
            LOG.info("Redis answers again: rate limits are shared by the gateways again");
        }
        breaker.onSuccess();
    }

    private void onFailure(Throwable cause) {
        boolean wasClosed = breaker.state() == CircuitBreaker.State.CLOSED;
        breaker.onFailure();
        lastFailure = cause.toString();
        if (wasClosed && breaker.state() == CircuitBreaker.State.OPEN) {
            LOG.warnf("Redis failed (%s): rate limits are counted by each gateway alone until it answers again",
                    lastFailure);
        }
    }

    private static Request script(Command command, String script, String key, long capacity) {
        return Request.cmd(command).arg(script).arg(1).arg(key).arg(capacity).arg(PERIOD_MILLIS);
    }

    private static TokenBucket.Decision decision(Response answer, long capacity) {
        boolean allowed = answer.get(0).toInteger() == 1;
        return new TokenBucket.Decision(allowed, capacity, answer.get(1).toLong(), seconds(answer.get(2).toLong()),
                allowed ? 0 : Math.max(1, seconds(answer.get(3).toLong())));
    }

    private static long seconds(long micros) {
        return (micros + 999_999) / 1_000_000;
    }

    private static String script() {
        try (InputStream in = RedisBuckets.class.getResourceAsStream("/ratelimit/token-bucket.lua")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
