package org.cppcc.archive.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads the synthetic corpus (see {@link CorpusLoader}: extraction rate in paragraphs/s) and reports p50/p99 of
 * each aggregation endpoint through the gateway, at concurrency 1 (and 4 for throughput under contention).
 * The service keeps each answer until its next write, so those figures are of answers polled again ("cached"); it
 * prints each answer's size (JSON, and CSV where the endpoint has one); then the endpoints are measured once more
 * right after a write ("computed after a write"): a write, then 1 or 4 requests at once, repeated
 * {@code --computed-requests} times, so every figure is of an answer the write invalidated.
 */
public final class StatsBenchmark {

    /** Compilations from this number on are the one-speech writes (the corpus itself numbers far fewer). */
    private static final int FIRST_WRITE_COMPILATION = 1000;

    public static void main(String[] args) throws InterruptedException {
        Options o = new Options(args, Map.of("speeches", "20000", "per-compilation", "500", "requests", "50",
                "computed-requests", "10", "timeout-seconds", "3600"));
        System.out.println("== StatsBenchmark " + o);
        Api analyst = o.analyst();
        Api admin = o.admin();
        CorpusLoader.Loaded corpus = CorpusLoader.load(o, admin, o.reader(), analyst, true);
        long compilation = corpus.compilationIds().get(0);
        // the region of the first speech: 政协乐山市五通桥区委员会 → 五通桥区 (a district is named without its city)
        String region = corpus.committees().get(0).replaceAll("^政协|委员会$", "").replaceAll("^.+市(.+区)$", "$1");
        List<String> endpoints = List.of(
                "/api/v1/stats/overview",
                "/api/v1/stats/platforms",
                "/api/v1/stats/platforms?compilationId=" + compilation,
                "/api/v1/stats/members",
                "/api/v1/stats/coverage",
                "/api/v1/stats/facts?size=20",
                "/api/v1/stats/facts?region=" + Api.enc(region) + "&size=20",
                "/api/v1/stats/topics?terms=" + Api.enc("有事来协商,双助,提案"));
        int requests = o.integer("requests");
        for (String endpoint : endpoints) {
            Latencies.run(1, Math.max(1, requests / 10), i -> analyst.get(endpoint)); // warm-up
            for (int concurrency : new int[] {1, 4}) {
                Latencies l = Latencies.run(concurrency, requests, i -> analyst.get(endpoint));
                System.out.printf("GET %s, cached, concurrency %d: %s%n", decoded(endpoint), concurrency,
                        l.summary());
            }
        }
        for (String endpoint : endpoints) {
            Api.Response json = analyst.get(endpoint);
            Api.Response csv = endpoint.contains("/overview") ? null : analyst.get(endpoint, "text/csv");
            System.out.printf(Locale.ROOT, "GET %s: answer %s JSON%s%n", decoded(endpoint), size(json),
                    csv == null ? "" : ", " + size(csv) + " CSV");
        }
        Corpus writes = new Corpus(o.number("seed"));
        int[] nextWrite = {FIRST_WRITE_COMPILATION};
        for (String endpoint : endpoints) {
            for (int concurrency : new int[] {1, 4}) {
                int rounds = o.integer("computed-requests");
                long[] nanos = new long[rounds * concurrency];
                for (int round = 0; round < rounds; round++) {
                    int k = nextWrite[0]++;
                    writeAndWait(admin, analyst, k, writes.compilation(k, 1).text(), o);
                    // the first answers after the write: concurrency requests at once, none of them cached before
                    Latencies l = Latencies.run(concurrency, concurrency, i -> analyst.get(endpoint));
                    if (l.errors() > 0) {
                        throw new IllegalStateException("GET " + endpoint + ": " + l.summary());
                    }
                    System.arraycopy(l.nanos(), 0, nanos, round * concurrency, concurrency);
                }
                System.out.printf("GET %s, computed after a write, concurrency %d: %s%n", decoded(endpoint),
                        concurrency, Latencies.of(nanos).percentiles());
            }
        }
    }

    private static String decoded(String endpoint) {
        return URLDecoder.decode(endpoint, StandardCharsets.UTF_8);
    }

    private static String size(Api.Response r) {
        if (!r.ok()) {
            throw new IllegalStateException(r.status() + " " + r.body());
        }
        long bytes = r.body().getBytes(StandardCharsets.UTF_8).length;
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB (%d bytes)", bytes / 1048576.0, bytes)
                : String.format(Locale.ROOT, "%.1f kB (%d bytes)", bytes / 1024.0, bytes);
    }

    /** Imports a new one-speech compilation and waits until the stats consumer has applied it. */
    private static void writeAndWait(Api admin, Api analyst, int k, String text, Options o)
            throws InterruptedException {
        long before = analyst.get("/api/v1/stats/status").json().path("speeches").asLong();
        Api.Response r = CorpusLoader.importCompilation(admin, k, text).response();
        if (r.status() != 201) {
            throw new IllegalStateException("compilation " + k + " was imported before (" + r.status()
                    + "): start from an empty data directory, or pass another --seed");
        }
        CorpusLoader.waitUntil("stats applied compilation " + k, o.integer("timeout-seconds"), () -> {
            Api.Response status = analyst.get("/api/v1/stats/status");
            return status.json().path("speeches").asLong() > before && status.json().path("lagChanges").asLong() == 0;
        });
    }
}
