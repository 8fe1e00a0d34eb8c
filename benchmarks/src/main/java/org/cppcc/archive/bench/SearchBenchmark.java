package org.cppcc.archive.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.cppcc.archive.search.model.Filters;

/**
 * Loads the synthetic corpus (see {@link CorpusLoader}: import rate, indexing rate), reports the index size,
 * then runs 1,000 mixed queries at concurrency 1 and 16 through the gateway, directly against the search
 * service, and in this process on the service's index (see {@link LocalSearch}: a bare IndexSearcher, and the
 * service's own search code without HTTP), prints the service's overhead over the bare IndexSearcher as a
 * ratio, and measures the create-to-searchable delay of speeches created through the gateway. The queries run
 * once the stats consumer has applied the corpus too, so that its extraction does not compete with them (unless
 * {@code --wait-for-stats false}). Aim (issue 4): p99 ≤ 50 ms at concurrency 16 through the gateway;
 * create-to-searchable p95 ≤ 1 s; indexing ≥ 200 speeches/s.
 */
public final class SearchBenchmark {

    private static final String[] WORDS = {"协商", "委员", "平台", "提案", "履职", "乡村振兴", "脱贫", "专委会", "基层",
            "民主监督", "调研", "党建"};
    private static final String[] PHRASES = {"\"有事来协商\"", "\"双助\"", "\"专门协商机构\"", "\"书香政协\"",
            "\"提案办理\"", "\"学党史\""};
    private static final String[] EXCLUSIONS = {"协商 -提案", "委员 -\"双助\"", "平台 -乡村", "履职 -调研"};
    private static final String[] ORS = {"提案 OR 双助", "脱贫 OR 振兴", "民族 OR 团结", "书香 OR 读书"};
    private static final String[] TRADITIONAL = {"協商", "委員", "履職", "提案辦理", "鄉村振興", "專委會"};
    private static final String[] SUBSTRINGS = {"商以成", "来协", "甜城", "委员履", "履职尽", "筑同心"};

    /** A search as the benchmark sends it: its kind (for the figures per kind), the {@code q} parameter, filters. */
    record MixedQuery(String kind, String q, Filters filters) {

        String path() {
            StringBuilder path = new StringBuilder("/api/v1/search?q=").append(Api.enc(q));
            param(path, "level", filters.level());
            param(path, "committee", filters.committee());
            param(path, "compilationId", filters.compilationId());
            param(path, "dateFrom", filters.dateFrom());
            param(path, "dateTo", filters.dateTo());
            return path.toString();
        }

        private static void param(StringBuilder path, String name, Object value) {
            if (value != null) {
                path.append('&').append(name).append('=').append(Api.enc(value.toString()));
            }
        }
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        Options o = new Options(args, Map.of("speeches", "20000", "per-compilation", "500", "queries", "1000",
                "direct", "http://127.0.0.1:8082", "search-data", "", "timeout-seconds", "3600",
                "freshness-samples", "20", "wait-for-stats", "true"));
        System.out.println("== SearchBenchmark " + o);
        Api admin = o.admin();
        Api reader = o.reader();
        CorpusLoader.Loaded corpus = CorpusLoader.load(o, admin, reader, o.analyst(),
                Boolean.parseBoolean(o.get("wait-for-stats")));
        Path searchData = o.get("search-data").isBlank() ? null : Path.of(o.get("search-data"));
        if (searchData != null) {
            System.out.printf(Locale.ROOT, "index size: %.1f MB (%s)%n", bytes(searchData) / 1e6, searchData);
        }

        List<MixedQuery> queries = queries(new Random(o.number("seed")), o.integer("queries"), corpus,
                corpus.sampleParagraphs());
        // warm-up pass over every query, which also checks that the mix finds something
        AtomicInteger withHits = new AtomicInteger();
        Latencies.run(4, queries.size(), i -> {
            Api.Response r = reader.get(queries.get(i).path());
            if (r.ok() && r.json().path("total").asLong() > 0) {
                withHits.incrementAndGet();
            }
            return r;
        });
        System.out.printf("queries: %d (words, phrases, exclusions, OR, traditional, substrings, quoted fragments, "
                + "filters), %d with hits%n", queries.size(), withHits.get());
        try (LocalSearch local = searchData == null ? null : new LocalSearch(searchData)) {
            if (local != null) { // warm-up of this JVM's code paths
                local.raw(queries, 4);
                local.inProcess(queries, 4);
            }
            for (int concurrency : new int[] {1, 16}) {
                Latencies raw = null;
                if (local != null) {
                    raw = report("raw Lucene IndexSearcher in process (the service's Lucene query, built "
                            + "beforehand, and order; top " + LocalSearch.PAGE + "; no facets, stored fields or "
                            + "highlights)", queries.size(), concurrency, local.raw(queries, concurrency), "");
                    report("the service's SpeechSearcher in process (parsing, exact total, facets, stored speeches, "
                            + "highlights; no HTTP)", queries.size(), concurrency,
                            local.inProcess(queries, concurrency), "");
                }
                Latencies direct = o.get("direct").isBlank() ? null
                        : query("direct to search-service", reader.at(o.get("direct")), queries, concurrency);
                Latencies gateway = query("gateway", reader, queries, concurrency);
                if (raw != null) {
                    System.out.printf(Locale.ROOT, "service overhead (latency / raw Lucene's), concurrency %d:%s "
                            + "gateway p50 x%.1f p99 x%.1f%n", concurrency, direct == null ? ""
                            : String.format(Locale.ROOT, " direct p50 x%.1f p99 x%.1f;", ratio(direct, raw, 50),
                            ratio(direct, raw, 99)), ratio(gateway, raw, 50), ratio(gateway, raw, 99));
                }
            }
            perKind(queries, reader, local);
        }
        freshness(admin, reader, corpus.compilationIds().get(0), o.integer("freshness-samples"),
                new Random(o.number("seed")));
    }

    /**
     * p50/p99 of each kind of query alone, at concurrency 1: in process (the service's SpeechSearcher, when the
     * index is at hand) and through the gateway. Quoted fragments are the exact-phrase queries over the character
     * field; their cost beside the other kinds is what this shows.
     */
    private static void perKind(List<MixedQuery> queries, Api reader, LocalSearch local) {
        Map<String, List<MixedQuery>> byKind = new java.util.LinkedHashMap<>();
        queries.forEach(q -> byKind.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(q));
        byKind.forEach((kind, subset) -> {
            String inProcess = local == null ? "" : "in process " + local.inProcess(subset, 1).summary() + "; ";
            Latencies gateway = Latencies.run(1, subset.size(), i -> reader.get(subset.get(i).path()));
            System.out.printf("search by kind, %-16s %3d queries, concurrency 1: %sgateway %s%n", kind + ":",
                    subset.size(), inProcess, gateway.summary());
        });
    }

    private static Latencies query(String via, Api api, List<MixedQuery> queries, int concurrency) {
        Latencies l = Latencies.run(concurrency, queries.size(), i -> api.get(queries.get(i).path()));
        return report(via, queries.size(), concurrency, l,
                via.equals("gateway") && concurrency == 16 ? " (aim p99 <= 50 ms)" : "");
    }

    private static Latencies report(String via, int queries, int concurrency, Latencies l, String aim) {
        System.out.printf("search, %d mixed queries via %s, concurrency %d: %s%s%n", queries, via, concurrency,
                l.summary(), aim);
        return l;
    }

    private static double ratio(Latencies service, Latencies raw, double percentile) {
        return service.percentileMillis(percentile) / raw.percentileMillis(percentile);
    }

    /**
     * Words, phrases, exclusions, OR, traditional characters, substrings, quoted fragments of the corpus's paragraphs
     * (4-14 characters cut anywhere, as a user pastes them) and filtered queries, in rotation.
     */
    static List<MixedQuery> queries(Random random, int count, CorpusLoader.Loaded corpus, List<String> paragraphs) {
        String[] kinds = {"words", "two words", "phrase", "exclusion", "OR", "traditional", "substring",
                "quoted fragment", "filtered"};
        List<MixedQuery> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String kind = kinds[i % kinds.length];
            String q = switch (kind) {
                case "words" -> pick(random, WORDS);
                case "two words" -> pick(random, WORDS) + " " + pick(random, WORDS);
                case "phrase" -> pick(random, PHRASES);
                case "exclusion" -> pick(random, EXCLUSIONS);
                case "OR" -> pick(random, ORS);
                case "traditional" -> pick(random, TRADITIONAL);
                case "substring" -> pick(random, SUBSTRINGS);
                case "quoted fragment" -> "\"" + fragment(random, paragraphs) + "\"";
                default -> null;
            };
            if (q != null) {
                out.add(new MixedQuery(kind, q, Filters.none()));
                continue;
            }
            String word = pick(random, WORDS);
            String committee = corpus.committees().get(random.nextInt(corpus.committees().size()));
            out.add(new MixedQuery(kind, word, switch (i / kinds.length % 4) {
                case 0 -> new Filters(null, null, null, "county", null, null, null, null);
                case 1 -> new Filters(null, null, null, null, committee, null, null, null);
                case 2 -> new Filters(corpus.compilationIds().get(random.nextInt(corpus.compilationIds().size())),
                        null, null, null, null, null, null, null);
                default -> new Filters(null, null, null, null, null, null, LocalDate.parse("2021-06-01"),
                        LocalDate.parse("2021-09-30"));
            }));
        }
        return out;
    }

    /**
     * Creates speeches through the gateway, each with a paragraph holding a unique made-up phrase, and polls the
     * search (every 10 ms) until the phrase is found: the time from sending the create to the first hit.
     */
    private static void freshness(Api admin, Api reader, long compilationId, int samples, Random random)
            throws InterruptedException {
        if (samples <= 0) {
            return;
        }
        String alphabet = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
        long[] nanos = new long[samples];
        int base = 9000 + random.nextInt(900);
        for (int i = 0; i < samples; i++) {
            StringBuilder marker = new StringBuilder();
            for (int c = 0; c < 8; c++) {
                marker.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String body = "{\"compilationId\":" + compilationId + ",\"order\":" + (base + i)
                    + ",\"committee\":\"政协武胜县委员会\",\"title\":\"基准新鲜度测试" + (i + 1)
                    + "\",\"bodyAvailable\":true,\"lead\":[\"新鲜度标记" + marker + "出现在这里。\"]}";
            String search = "/api/v1/search?q=" + Api.enc("\"" + marker + "\"");
            long start = System.nanoTime();
            Api.Response created = admin.post("/api/v1/speeches", "application/json", body);
            if (!created.ok()) {
                System.out.println("create-to-searchable: create failed: " + created.status() + " " + created.body());
                return;
            }
            long deadline = start + 30_000_000_000L;
            while (reader.get(search).json().path("total").asLong() == 0) {
                if (System.nanoTime() > deadline) {
                    System.out.println("create-to-searchable: not searchable after 30 s: " + marker);
                    return;
                }
                Thread.sleep(10);
            }
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "create-to-searchable (POST /api/v1/speeches until the search finds it), "
                + "%d samples: p50=%.0f ms p95=%.0f ms max=%.0f ms (aim p95 <= 1000 ms)%n", samples,
                nanos[(samples - 1) / 2] / 1e6, nanos[(int) Math.ceil(0.95 * samples) - 1] / 1e6,
                nanos[samples - 1] / 1e6);
    }

    /** 4-14 characters of a paragraph from a random offset; quotes inside would end the phrase, so none is cut. */
    private static String fragment(Random random, List<String> paragraphs) {
        while (true) {
            String p = paragraphs.get(random.nextInt(paragraphs.size()));
            int length = 4 + random.nextInt(11);
            if (p.length() <= length) {
                continue;
            }
            int start = random.nextInt(p.length() - length);
            String cut = p.substring(start, start + length);
            if (cut.indexOf('"') < 0 && !Character.isLowSurrogate(cut.charAt(0))) {
                return cut;
            }
        }
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    static long bytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a segment merged away while walking
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
