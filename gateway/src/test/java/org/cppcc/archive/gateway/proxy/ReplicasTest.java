package org.cppcc.archive.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.cppcc.archive.gateway.proxy.Replicas.Replica;
import org.cppcc.archive.gateway.resilience.CircuitBreaker;
import org.junit.jupiter.api.Test;

class ReplicasTest {

    private final AtomicLong now = new AtomicLong();
    private final Replicas replicas = new Replicas(List.of(replica("a"), replica("b"), replica("c")));

    private Replica replica(String host) {
        return new Replica(URI.create("http://" + host + ":8081"), new CircuitBreaker(2, Duration.ofSeconds(10),
                now::get));
    }

    private String first() {
        Replica replica = replicas.attempts().next().orElseThrow();
        replica.breaker().onSuccess();
        return replica.baseUrl().getHost();
    }

    private static List<String> hosts(Replicas.Attempts attempts) {
        List<String> hosts = new ArrayList<>();
        for (var next = attempts.next(); next.isPresent(); next = attempts.next()) {
            hosts.add(next.get().baseUrl().getHost());
        }
        return hosts;
    }

    @Test
    void requestsTakeTheReplicasInTurn() {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            seen.add(first());
        }
        assertEquals(List.of("a", "b", "c", "a", "b", "c"), seen);
    }

    @Test
    void aRequestThatCannotConnectTriesEveryOtherReplicaOnceThenGivesUp() {
        first(); // the next request starts at b
        assertEquals(List.of("b", "c", "a"), hosts(replicas.attempts()));
    }

    @Test
    void aReplicaWhoseBreakerIsOpenIsSkippedUntilItsTrial() {
        Replica b = replicas.all().get(1);
        b.breaker().onFailure();
        b.breaker().onFailure();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            seen.add(first());
        }
        assertEquals(List.of("a", "c", "c", "a"), seen, "b's turns go to the replica after it");
        assertEquals(1, replicas.secondsUntilTrial(), "a and c take requests: a 503 then is worth retrying soon");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertEquals(List.of("b", "c", "a"), hosts(replicas.attempts()), "b's trial, on its turn");
        assertEquals(List.of("c", "a"), hosts(replicas.attempts()), "one trial at a time");
    }

    @Test
    void retryAfterIsTheSoonestTrialAndNeverZero() {
        assertEquals(1, replicas.secondsUntilTrial(), "no breaker open: a connection just failed, retry soon");
        for (Replica replica : replicas.all()) {
            replica.breaker().onFailure();
            replica.breaker().onFailure();
            now.addAndGet(Duration.ofSeconds(2).toNanos());
        }
        assertEquals(4, replicas.secondsUntilTrial(), "a opened 6 s ago, for 10");
        assertTrue(replicas.attempts().next().isEmpty(), "every breaker refuses");
    }
}
