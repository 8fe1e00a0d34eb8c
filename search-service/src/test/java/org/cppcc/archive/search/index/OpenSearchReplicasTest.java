package org.cppcc.archive.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.cppcc.archive.search.model.Filters;
import org.cppcc.archive.search.opensearch.OpenSearchClient;
import org.cppcc.archive.search.opensearch.OpenSearchSchema;
import org.cppcc.archive.search.query.QueryParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Several search-services on one OpenSearch alias, as {@code deploy/cluster} runs them: what they share lives on the
 * cluster. Replicas opening together end on one generation; a rebuild one replica swaps in is where the others
 * search and write next; a replica starting while another rebuilds leaves the rebuild's generation alone, and removes
 * one a rebuild abandoned. Runs with {@code -Dopensearch=true}, on the node {@link TestOpenSearch} starts.
 */
class OpenSearchReplicasTest {

    @BeforeEach
    void onOpenSearch() {
        TestOpenSearch.urls(); // skips the test without -Dopensearch=true
    }

    @Test
    void replicasOpeningTogetherShareTheFirstGeneration() throws Exception {
        String alias = fresh("together");
        CyclicBarrier together = new CyclicBarrier(3);
        List<CompletableFuture<SpeechIndex>> opening = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            opening.add(CompletableFuture.supplyAsync(() -> {
                await(together);
                return open(alias);
            }));
        }
        List<SpeechIndex> replicas = opening.stream().map(CompletableFuture::join).toList();
        try {
            assertEquals(List.of(alias + "-1"), generations(alias));
            SpeechIndexBackendsTest.apply(replicas.get(0), List.of(TestSpeeches.upsert(1, TestSpeeches.bazhong(1))), 1);
            for (SpeechIndex replica : replicas) {
                assertEquals(1, replica.search(QueryParser.parse("双助"), Filters.none(), 0, 10).total());
            }
        } finally {
            replicas.forEach(SpeechIndex::close);
        }
    }

    @Test
    void aRebuildSwappedInByOneReplicaIsWhereTheOthersSearchAndWrite() throws Exception {
        String alias = fresh("swap");
        try (SpeechIndex rebuilder = open(alias); SpeechIndex other = open(alias)) {
            // both follow the feed: the same changes from each, idempotently
            for (SpeechIndex replica : List.of(rebuilder, other)) {
                SpeechIndexBackendsTest.apply(replica, List.of(TestSpeeches.upsert(1, TestSpeeches.neijiang(1)),
                        TestSpeeches.upsert(2, TestSpeeches.bazhong(1))), 2);
            }
            SpeechIndex.Rebuild rebuild = rebuilder.startRebuild();
            rebuild.apply(List.of(TestSpeeches.upsert(1, TestSpeeches.neijiang(1))), 1);

            // a replica starting meanwhile keeps the generation being filled
            try (SpeechIndex starting = open(alias)) {
                assertEquals(2, starting.speechCount());
            }
            assertTrue(generations(alias).contains(rebuild.name()), "the rebuild's generation after a replica opened");

            rebuild.swapIn(r -> r.apply(List.of(TestSpeeches.upsert(2, TestSpeeches.bazhong(1)),
                    TestSpeeches.upsert(3, TestSpeeches.wusheng(1))), 3));
            assertEquals(List.of(rebuild.name()), generations(alias), "the old generation is removed");

            // the other replica searches the rebuilt generation, and its next page goes there, from its cursor
            assertEquals(3, other.speechCount());
            assertTrue(other.apply(2, List.of(TestSpeeches.upsert(3, TestSpeeches.wusheng(1))), 3).isEmpty(),
                    "a page fetched after the old generation's cursor is refused: the rebuilt one is past it");
            assertEquals(3, other.cursor());
            SpeechIndexBackendsTest.apply(other, List.of(TestSpeeches.upsert(4, TestSpeeches.shunqing(1))), 4);
            assertEquals(4, rebuilder.speechCount());
            assertEquals(1, rebuilder.search(QueryParser.parse("有用好用管用"), Filters.none(), 0, 10).total());
        }
    }

    @Test
    void aGenerationARebuildAbandonedIsRemovedWhenAReplicaOpens() throws Exception {
        String alias = fresh("abandoned");
        try (SpeechIndex first = open(alias); OpenSearchClient client = new OpenSearchClient(TestOpenSearch.urls())) {
            // what a rebuild that died long ago leaves: a generation the alias does not name, its cursor old
            client.send("PUT", "/" + alias + "-2", Map.of(), OpenSearchSchema.index(0));
            client.send("PUT", "/" + alias + "-2/_doc/" + OpenSearchSchema.CURSOR_ID, Map.of(),
                    OpenSearchSchema.cursor(7, "2020-01-01T00:00:00Z"));
            try (SpeechIndex restarted = open(alias)) {
                assertEquals(List.of(alias + "-1"), generations(alias));
                assertEquals(0, restarted.cursor());
            }
        }
    }

    private static SpeechIndex open(String alias) {
        OpenSearchSpeechIndex index = new OpenSearchSpeechIndex(TestOpenSearch.urls(), alias, 0,
                TestSpeeches.COMPILATIONS);
        index.open();
        return index;
    }

    private static List<String> generations(String alias) throws IOException {
        try (OpenSearchClient client = new OpenSearchClient(TestOpenSearch.urls())) {
            JsonNode found = client.send("GET", "/_cat/indices/" + alias + "-*", Map.of("format", "json", "h", "index"),
                    null);
            List<String> names = new ArrayList<>();
            found.forEach(index -> names.add(index.path("index").asText()));
            return names.stream().sorted().toList();
        }
    }

    private static String fresh(String purpose) {
        return Backend.fresh("replicas-" + purpose).toLowerCase(Locale.ROOT);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
