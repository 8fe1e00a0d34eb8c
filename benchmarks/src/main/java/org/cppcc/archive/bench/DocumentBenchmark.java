package org.cppcc.archive.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports one generated compilation through the gateway and reports speeches/s of the import call, then reads
 * its speeches ({@code GET /api/v1/speeches/{id}}) at a fixed concurrency and reports latency percentiles and
 * throughput, through the gateway and (for comparison) directly from the document service. Before the timed
 * import, {@code --warmup-imports} dry runs of other generated compilations of the same size parse without storing,
 * then {@code --warmup-stored} imports of others store them (each printed with its rate: the first is a service's
 * first import), and the benchmark waits until search and stats have applied those, so that the timed import meets a
 * server in its steady state and consumers that are not catching up (0 and 0 time a cold service); the reads wait
 * for them to apply the timed import too. How long each took is printed, as a rate. Aims: import ≥ 1,000
 * speeches/s (issue 10), p99 ≤ 10 ms through the gateway at concurrency 32 (issue 3).
 */
public final class DocumentBenchmark {

    public static void main(String[] args) throws InterruptedException {
        Options o = new Options(args, Map.of("speeches", "1000", "requests", "20000", "warmup", "2000",
                "warmup-imports", "3", "warmup-stored", "1", "concurrency", "32", "direct", "http://127.0.0.1:8081"));
        System.out.println("== DocumentBenchmark " + o);
        int speeches = o.integer("speeches");
        CorpusSource corpus = CorpusSource.of(o);
        Corpus.Generated g = corpus.compilation(0, speeches);
        Api admin = o.admin();
        Api reader = o.reader();
        admin.get("/api/v1/compilations?size=1"); // token and connection outside the timed call
        for (int i = 1; i <= o.integer("warmup-imports"); i++) {
            long t = System.nanoTime();
            Api.Response dry = admin.post("/api/v1/compilations/import?dryRun=true", "text/plain; charset=utf-8",
                    corpus.compilation(i, speeches).text());
            if (!dry.ok()) {
                throw new IllegalStateException("dry run failed: " + dry.status() + " " + dry.body());
            }
            System.out.printf(Locale.ROOT, "warm-up dry run %d: %.2f s%n", i, (System.nanoTime() - t) / 1e9);
        }
        Consumers consumers = new Consumers(reader, o.analyst());
        int stored = o.integer("warmup-stored");
        for (int i = 1; i <= stored; i++) {
            Corpus.Generated other = corpus.compilation(o.integer("warmup-imports") + i, speeches);
            timedImport("warm-up import " + i, admin, other);
            consumers.imported(other);
        }
        if (stored > 0) {
            consumers.awaitApplied("the warm-up imports");
        }

        List<Long> ids = timedImport("import", admin, g);
        consumers.imported(g);
        consumers.awaitApplied("the timed import"); // the reads below measure a service the consumers leave alone

        int concurrency = o.integer("concurrency");
        int requests = o.integer("requests");
        read("gateway", reader, ids, 1, 200, Math.max(1, requests / 10)); // unloaded latency, for reference
        read("gateway", reader, ids, concurrency, o.integer("warmup"), requests);
        if (!o.get("direct").isBlank()) {
            read("direct to document-service", reader.at(o.get("direct")), ids, concurrency, o.integer("warmup"),
                    requests);
        }
    }

    /**
     * The feed's consumers, search and stats: how long each takes to apply what was imported since the last wait, as
     * speeches/s indexed (search) and paragraphs/s extracted (stats), the units. Both read the feed at once,
     * so each rate is measured while the other competes for the CPU.
     */
    private static final class Consumers {
        private final Api reader;
        private final Api analyst;
        private long indexedTarget;
        private long extractedTarget;
        private long speeches;
        private long paragraphs;
        private long since = System.nanoTime();

        Consumers(Api reader, Api analyst) {
            this.reader = reader;
            this.analyst = analyst;
            this.indexedTarget = indexed();
            this.extractedTarget = extracted();
        }

        void imported(Corpus.Generated compilation) {
            indexedTarget += compilation.speeches();
            extractedTarget += compilation.speeches();
            speeches += compilation.speeches();
            paragraphs += compilation.paragraphs();
        }

        /** Waits for the speeches themselves: a consumer's lag counts only the changes it has already seen. */
        void awaitApplied(String what) throws InterruptedException {
            long searchDone = 0;
            long statsDone = 0;
            long deadline = System.nanoTime() + 1800 * 1_000_000_000L;
            while (searchDone == 0 || statsDone == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out waiting until search and stats applied " + what);
                }
                if (searchDone == 0 && indexed() >= indexedTarget) {
                    searchDone = System.nanoTime();
                }
                if (statsDone == 0 && extracted() >= extractedTarget) {
                    statsDone = System.nanoTime();
                }
                Thread.sleep(250);
            }
            double searchSeconds = (searchDone - since) / 1e9;
            double statsSeconds = (statsDone - since) / 1e9;
            System.out.printf(Locale.ROOT, "applying %s: search indexed %d speeches in %.1f s = %.0f speeches/s "
                    + "(aim >= 300/s); stats extracted %d paragraphs in %.1f s = %.0f paragraphs/s (aim >= 1500/s), "
                    + "both counted from the first import call%n", what, speeches, searchSeconds,
                    speeches / searchSeconds, paragraphs, statsSeconds, paragraphs / statsSeconds);
            since = System.nanoTime();
            speeches = 0;
            paragraphs = 0;
        }

        private long indexed() {
            return reader.get("/api/v1/search/status").json().path("indexedSpeeches").asLong();
        }

        private long extracted() {
            return analyst.get("/api/v1/stats/status").json().path("speeches").asLong();
        }
    }

    /** Imports the compilation, prints its rate and returns the ids of its speeches. */
    private static List<Long> timedImport(String what, Api admin, Corpus.Generated g) {
        long start = System.nanoTime();
        Api.Response r = admin.post("/api/v1/compilations/import", "text/plain; charset=utf-8", g.text());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!r.ok()) {
            throw new IllegalStateException(what + " failed: " + r.status() + " " + r.body());
        }
        List<Long> ids = new ArrayList<>();
        r.json().get("speeches").forEach(s -> ids.add(s.get("id").asLong()));
        System.out.printf(Locale.ROOT, "%s: %d speeches, %d paragraphs, %.1f MB in %.2f s = %.0f speeches/s "
                + "(status %d%s; aim >= 1000/s)%n", what, ids.size(), g.paragraphs(),
                g.text().getBytes(StandardCharsets.UTF_8).length / 1e6, seconds,
                ids.size() / seconds, r.status(), r.status() == 200 ? ": ALREADY IMPORTED, not a measurement" : "");
        return ids;
    }

    private static void read(String via, Api api, List<Long> ids, int concurrency, int warmup, int requests) {
        Latencies.run(concurrency, Math.max(1, warmup), i -> api.get("/api/v1/speeches/" + ids.get(i % ids.size())));
        Latencies l = Latencies.run(concurrency, requests,
                i -> api.get("/api/v1/speeches/" + ids.get((int) ((i * 7919L) % ids.size()))));
        System.out.printf("GET /api/v1/speeches/{id} via %s, concurrency %d (after %d warm-up requests): %s%s%n",
                via, concurrency, warmup, l.summary(),
                via.equals("gateway") && concurrency > 1 ? " (aim p99 <= 10 ms)" : "");
    }
}
