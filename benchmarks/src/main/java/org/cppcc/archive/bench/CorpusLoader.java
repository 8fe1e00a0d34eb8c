package org.cppcc.archive.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Imports the synthetic corpus ({@code --corpus}, see {@link CorpusSource}) through the gateway and follows the search and stats consumers on their status
 * endpoints until both have applied it, then prints the import rate, the indexing rate (speeches/s) and the
 * extraction rate (paragraphs/s). Both consumers read the same feed at the same time, so each rate is measured
 * while the other consumer competes for the CPU. When the corpus was imported before (the import is idempotent
 * by content), the rates cannot be measured and only the corpus is reported.
 */
final class CorpusLoader {

    /** What the corpus holds after loading. */
    record Loaded(List<Long> compilationIds, List<String> committees, int speeches, int paragraphs,
            boolean measured, double extractionParagraphsPerSecond, List<String> sampleParagraphs) {
    }

    private CorpusLoader() {
    }

    /**
     * @param waitForStats also wait until the stats consumer has applied the corpus (else its progress so far is
     *                     printed and the caller goes on while it still extracts)
     */
    static Loaded load(Options o, Api admin, Api reader, Api analyst, boolean waitForStats)
            throws InterruptedException {
        int total = o.integer("speeches");
        int per = Math.min(o.integer("per-compilation"), Corpus.MAX_SPEECHES_PER_COMPILATION);
        CorpusSource corpus = CorpusSource.of(o);
        System.out.printf("corpus: %d speeches in compilations of ≤ %d (seed %s; --corpus %s: %s)%n", total, per,
                o.get("seed"), o.get("corpus"), corpus.describe());

        waitUntil("search and stats caught up before the import", o.integer("timeout-seconds"), () ->
                reader.get("/api/v1/search/status").json().path("lagChanges").asLong() == 0
                        && analyst.get("/api/v1/stats/status").json().path("lagChanges").asLong() == 0);
        long searchBase = reader.get("/api/v1/search/status").json().path("indexedSpeeches").asLong();
        JsonNode statsBase = analyst.get("/api/v1/stats/status").json();

        List<Long> ids = new ArrayList<>();
        List<String> committees = new ArrayList<>();
        int created = 0;
        int paragraphs = 0;
        int newParagraphs = 0;
        long importNanos = 0;
        long slowest = 0;
        long t0 = System.nanoTime();
        for (int k = 0, done = 0; done < total; k++) {
            Corpus.Generated g = corpus.compilation(k, Math.min(per, total - done));
            long start = System.nanoTime();
            Imported imported = importCompilation(admin, k, g.text());
            Api.Response r = imported.response();
            long nanos = System.nanoTime() - start;
            importNanos += nanos;
            slowest = Math.max(slowest, nanos);
            ids.add(r.json().get("id").asLong());
            boolean isNew = r.status() == 201 || imported.retried();
            created += isNew ? g.speeches() : 0;
            paragraphs += g.paragraphs();
            newParagraphs += isNew ? g.paragraphs() : 0;
            committees.addAll(g.committees());
            done += g.speeches();
        }
        long importedAt = System.nanoTime();
        System.out.printf("corpus statistics (--corpus %s, %d speeches; terms as the service's word analysis cuts "
                + "them): %s%n", o.get("corpus"), total, corpus.statistics().summary());
        System.out.printf(Locale.ROOT, "import: %d compilations, %d speeches (%d new), %d paragraphs in %.1f s of "
                + "import calls = %.0f speeches/s (slowest call %.1f s)%n", ids.size(), total, created, paragraphs,
                importNanos / 1e9, total / (importNanos / 1e9), slowest / 1e9);
        if (created == 0) {
            System.out.println("corpus was already imported: indexing and extraction rates not measured "
                    + "(start from an empty data directory, or pass another --seed)");
            if (waitForStats) {
                waitUntil("the stats consumer has caught up", o.integer("timeout-seconds"),
                        () -> analyst.get("/api/v1/stats/status").json().path("lagChanges").asLong() == 0);
            }
            return new Loaded(ids, committees, total, paragraphs, false, Double.NaN, corpus.paragraphs());
        }

        // Follow both consumers until each has applied everything (polled every 250 ms).
        long searchTarget = searchBase + created;
        long statsTarget = statsBase.path("speeches").asLong() + created;
        long searchDone = 0;
        long statsDone = 0;
        long deadline = System.nanoTime() + o.number("timeout-seconds") * 1_000_000_000L;
        JsonNode stats = statsBase;
        JsonNode search = reader.get("/api/v1/search/status").json();
        long nextReport = System.nanoTime() + 30_000_000_000L;
        while ((searchDone == 0 || statsDone == 0 && waitForStats) && System.nanoTime() < deadline) {
            if (System.nanoTime() > nextReport) { // progress, so that a rate that changes over time shows
                System.out.printf(Locale.ROOT, "  after %.0f s: search %d/%d speeches, stats %d/%d speeches%n",
                        (System.nanoTime() - t0) / 1e9, search.path("indexedSpeeches").asLong() - searchBase, created,
                        stats.path("speeches").asLong() - statsBase.path("speeches").asLong(), created);
                nextReport += 30_000_000_000L;
            }
            if (searchDone == 0) {
                search = reader.get("/api/v1/search/status").json();
                if (search.path("indexedSpeeches").asLong() >= searchTarget
                        && search.path("lagChanges").asLong() == 0) {
                    searchDone = System.nanoTime();
                }
            }
            if (statsDone == 0) {
                stats = analyst.get("/api/v1/stats/status").json();
                if (stats.path("speeches").asLong() >= statsTarget && stats.path("lagChanges").asLong() == 0) {
                    statsDone = System.nanoTime();
                }
            }
            Thread.sleep(250);
        }
        if (searchDone == 0 || statsDone == 0 && waitForStats) {
            System.out.printf("TIMEOUT after %s s: search %s, stats %s%n", o.get("timeout-seconds"),
                    reader.get("/api/v1/search/status").body(), analyst.get("/api/v1/stats/status").body());
        }
        double searchSeconds = ((searchDone == 0 ? System.nanoTime() : searchDone) - t0) / 1e9;
        double statsSeconds = ((statsDone == 0 ? System.nanoTime() : statsDone) - t0) / 1e9;
        System.out.printf(Locale.ROOT, "search indexing: %d speeches searchable %.1f s after the first import call "
                + "(%.1f s after the last) = %.0f speeches/s%n", created, searchSeconds,
                searchSeconds - (importedAt - t0) / 1e9, created / searchSeconds);
        long facts = stats.path("facts").asLong() - statsBase.path("facts").asLong();
        if (statsDone == 0 && !waitForStats) {
            System.out.printf(Locale.ROOT, "stats extraction (not waited for): %d of %d speeches applied so far; it "
                    + "keeps running during what follows%n", stats.path("speeches").asLong()
                    - statsBase.path("speeches").asLong(), created);
            return new Loaded(ids, committees, total, paragraphs, true, Double.NaN, corpus.paragraphs());
        }
        double rate = newParagraphs / statsSeconds;
        System.out.printf(Locale.ROOT, "stats extraction: %d paragraphs (%d facts) applied %.1f s after the first "
                + "import call (%.1f s after the last) = %.0f paragraphs/s, %.0f facts/s%n", newParagraphs, facts,
                statsSeconds, statsSeconds - (importedAt - t0) / 1e9, rate, facts / statsSeconds);
        return new Loaded(ids, committees, total, paragraphs, true, rate, corpus.paragraphs());
    }

    record Imported(Api.Response response, boolean retried) {
    }

    /**
     * POSTs one compilation. The gateway answers 504 when the document service takes longer than 15 s; the import
     * still completes there, and importing the same bytes again answers 200 with it (idempotent by SHA-256), so
     * a timed-out import is retried until it does. The time reported then includes the retries.
     */
    static Imported importCompilation(Api admin, int k, String text) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Api.Response r = admin.post("/api/v1/compilations/import", "text/plain; charset=utf-8", text);
            if (r.ok()) {
                return new Imported(r, attempt > 1);
            }
            if (r.status() != 504 && r.status() != 503 && r.status() != 409 && r.status() != 500 || attempt == 60) {
                throw new IllegalStateException("import of compilation " + k + " failed: " + r.status() + " "
                        + r.body());
            }
            System.out.printf("import of compilation %d: %d (%s), retrying%n", k, r.status(),
                    r.json().path("detail").asText());
            Thread.sleep(1000);
        }
    }

    interface Check {
        boolean ok();
    }

    static void waitUntil(String what, int seconds, Check check) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting until " + what);
            }
            Thread.sleep(250);
        }
    }
}
