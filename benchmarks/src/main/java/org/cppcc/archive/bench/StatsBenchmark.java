package org.cppcc.archive.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Loads the synthetic corpus (see {@link CorpusLoader}: extraction rate in paragraphs/s) and reports p50/p99 of
 * each aggregation endpoint through the gateway, at concurrency 1 (and 4 for throughput under contention).
 */
public final class StatsBenchmark {

    public static void main(String[] args) throws InterruptedException {
        Options o = new Options(args, Map.of("speeches", "20000", "per-compilation", "500", "requests", "50",
                "timeout-seconds", "3600"));
        System.out.println("== StatsBenchmark " + o);
        Api analyst = o.analyst();
        CorpusLoader.Loaded corpus = CorpusLoader.load(o, o.admin(), o.reader(), analyst, true);
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
                System.out.printf("GET %s, concurrency %d: %s%n",
                        URLDecoder.decode(endpoint, StandardCharsets.UTF_8), concurrency, l.summary());
            }
        }
    }
}
