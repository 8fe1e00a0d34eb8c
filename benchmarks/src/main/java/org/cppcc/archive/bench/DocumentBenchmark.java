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
 * import, {@code --warmup-imports} dry runs of other generated compilations of the same size parse without storing
 * (a server's steady state, not its first request; 0 times a cold service). Aims: import ≥ 1,000 speeches/s
 * (issue 10), p99 ≤ 10 ms through the gateway at concurrency 32 (issue 3).
 */
public final class DocumentBenchmark {

    public static void main(String[] args) {
        Options o = new Options(args, Map.of("speeches", "1000", "requests", "20000", "warmup", "2000",
                "warmup-imports", "3", "concurrency", "32", "direct", "http://127.0.0.1:8081"));
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

        long start = System.nanoTime();
        Api.Response r = admin.post("/api/v1/compilations/import", "text/plain; charset=utf-8", g.text());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!r.ok()) {
            throw new IllegalStateException("import failed: " + r.status() + " " + r.body());
        }
        List<Long> ids = new ArrayList<>();
        r.json().get("speeches").forEach(s -> ids.add(s.get("id").asLong()));
        System.out.printf(Locale.ROOT, "import: %d speeches, %d paragraphs, %.1f MB in %.2f s = %.0f speeches/s "
                + "(status %d%s; aim >= 1000/s)%n", ids.size(), g.paragraphs(),
                g.text().getBytes(StandardCharsets.UTF_8).length / 1e6, seconds,
                ids.size() / seconds, r.status(), r.status() == 200 ? ": ALREADY IMPORTED, not a measurement" : "");

        int concurrency = o.integer("concurrency");
        int requests = o.integer("requests");
        read("gateway", reader, ids, 1, 200, Math.max(1, requests / 10)); // unloaded latency, for reference
        read("gateway", reader, ids, concurrency, o.integer("warmup"), requests);
        if (!o.get("direct").isBlank()) {
            read("direct to document-service", reader.at(o.get("direct")), ids, concurrency, o.integer("warmup"),
                    requests);
        }
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
