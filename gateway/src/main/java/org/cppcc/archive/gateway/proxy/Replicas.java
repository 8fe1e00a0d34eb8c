package org.cppcc.archive.gateway.proxy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.cppcc.archive.gateway.resilience.CircuitBreaker;

/**
 * The replicas of one upstream, each behind its own breaker. Requests take them in turn (round robin); a request
 * whose connection to one failed goes on to the next, which is safe for any method because the request never reached
 * the first one. Thread-safe: the turn is one atomic counter, the breakers lock themselves.
 */
public final class Replicas {

    /** One process of an upstream service. */
    public record Replica(URI baseUrl, CircuitBreaker breaker) {
    }

    private final List<Replica> replicas;
    private final AtomicInteger turn = new AtomicInteger();

    public Replicas(List<Replica> replicas) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("an upstream needs at least one replica");
        }
        this.replicas = List.copyOf(replicas);
    }

    public List<Replica> all() {
        return replicas;
    }

    /** The replicas one request may try, starting at the next one in turn. */
    public Attempts attempts() {
        return new Attempts(Math.floorMod(turn.getAndIncrement(), replicas.size()));
    }

    /** Seconds until some refusing breaker lets a trial through, at least 1; for {@code Retry-After}. */
    public long secondsUntilTrial() {
        long soonest = Long.MAX_VALUE;
        for (Replica replica : replicas) {
            soonest = Math.min(soonest, replica.breaker().secondsUntilTrial());
        }
        return Math.max(1, soonest);
    }

    /** The attempts of one request: each replica at most once, in turn from where the request started. */
    public final class Attempts {
        private final int start;
        private int considered;

        private Attempts(int start) {
            this.start = start;
        }

        /**
         * The next replica whose breaker lets a request through now (the caller must report the outcome to that
         * breaker), or empty once every replica has been considered.
         */
        public Optional<Replica> next() {
            while (considered < replicas.size()) {
                Replica replica = replicas.get((start + considered++) % replicas.size());
                if (replica.breaker().tryAcquire()) {
                    return Optional.of(replica);
                }
            }
            return Optional.empty();
        }
    }
}
