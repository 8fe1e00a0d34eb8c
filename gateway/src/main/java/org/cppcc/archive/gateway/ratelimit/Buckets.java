package org.cppcc.archive.gateway.ratelimit;

import io.vertx.core.Future;

/**
 * Where clients' token buckets are kept: in this gateway's memory ({@link LocalBuckets}) or in a Redis every gateway
 * shares ({@link RedisBuckets}). A take never blocks: the answer comes as a future, completed on the caller's context.
 */
public interface Buckets {

    /** Takes one token from the client's bucket, or tells why not. */
    Future<TokenBucket.Decision> take(RateLimiter.Client client);
}
