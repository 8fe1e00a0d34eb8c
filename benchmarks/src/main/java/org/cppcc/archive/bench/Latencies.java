package org.cppcc.archive.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Closed-loop load: {@code concurrency} workers each send one request after the other until {@code total} have
 * been sent; every request's wall time is recorded. A request counts as an error when it throws or answers non-2xx
 * (or, for a call in process, when it throws or reports a failure).
 */
final class Latencies {

    private final long[] nanos;
    private final int errors;
    private final long elapsedNanos;
    private final String firstError;

    private Latencies(long[] nanos, int errors, long elapsedNanos, String firstError) {
        this.nanos = nanos;
        this.errors = errors;
        this.elapsedNanos = elapsedNanos;
        this.firstError = firstError;
        Arrays.sort(this.nanos);
    }

    /** One timed call: null when it succeeded, else what went wrong. */
    @FunctionalInterface
    interface Call {
        String failure(int i) throws Exception;
    }

    /** @param request request number → the response (its status decides error or not) */
    static Latencies run(int concurrency, int total, IntFunction<Api.Response> request) {
        return time(concurrency, total, i -> {
            Api.Response r = request.apply(i);
            return r.ok() ? null : r.status() + " " + r.body().substring(0, Math.min(200, r.body().length()));
        });
    }

    /** @param call call number → null, or what failed */
    static Latencies time(int concurrency, int total, Call call) {
        long[] nanos = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        String[] firstError = new String[1];
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            Future<?>[] workers = new Future<?>[concurrency];
            for (int w = 0; w < concurrency; w++) {
                workers[w] = pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < total; ) {
                        long t0 = System.nanoTime();
                        String error;
                        try {
                            error = call.failure(i);
                        } catch (Exception e) {
                            error = e.toString();
                        }
                        nanos[i] = System.nanoTime() - t0;
                        if (error != null && errors.getAndIncrement() == 0) {
                            firstError[0] = error;
                        }
                    }
                });
            }
        }
        return new Latencies(nanos, errors.get(), System.nanoTime() - start, firstError[0]);
    }

    /** Latencies the caller recorded itself, between other work (so without a throughput). */
    static Latencies of(long[] nanos) {
        return new Latencies(nanos.clone(), 0, Arrays.stream(nanos).sum(), null);
    }

    /** Every call's wall time, fastest first. */
    long[] nanos() {
        return nanos.clone();
    }

    String percentiles() {
        return String.format(Locale.ROOT, "n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms", nanos.length,
                percentileMillis(50), percentileMillis(99), percentileMillis(100));
    }

    double percentileMillis(double p) {
        int i = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
        return nanos[Math.max(0, Math.min(nanos.length - 1, i))] / 1e6;
    }

    double throughput() {
        return nanos.length / (elapsedNanos / 1e9);
    }

    int errors() {
        return errors;
    }

    String summary() {
        String s = String.format(Locale.ROOT,
                "n=%d errors=%d throughput=%.0f req/s p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms",
                nanos.length, errors, throughput(), percentileMillis(50), percentileMillis(90), percentileMillis(99),
                percentileMillis(100));
        return firstError == null ? s : s + "  (first error: " + firstError + ")";
    }
}
