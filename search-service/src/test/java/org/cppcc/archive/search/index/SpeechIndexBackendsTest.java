package org.cppcc.archive.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cppcc.archive.search.analysis.Highlighter;
import org.cppcc.archive.search.change.ChangeItem;
import org.cppcc.archive.search.change.Speech;
import org.cppcc.archive.search.model.AppliedBatch;
import org.cppcc.archive.search.model.Filters;
import org.cppcc.archive.search.model.Hit;
import org.cppcc.archive.search.model.SearchResult;
import org.cppcc.archive.search.query.QueryParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link SpeechIndex} does, on each {@link Backend}: changes applied idempotently by (speech id,
 * version), the cursor and the versions back after a restart, a change searchable as soon as it is applied, what
 * search finds and how it ranks, facets, filters, suggestions, more like this, and a rebuild swapped in.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class SpeechIndexBackendsTest {

    @Parameter
    Backend backend;

    @Test
    void appliesChangesIdempotentlyBySpeechAndVersion() throws IOException {
        try (SpeechIndex index = backend.open(Backend.fresh("idempotence"))) {
            var first = apply(index, List.of(TestSpeeches.upsert(1, TestSpeeches.neijiang(1)),
                    TestSpeeches.upsert(2, TestSpeeches.bazhong(1))), 2);
            assertEquals(2, first.applied());
            assertEquals(2, index.speechCount());

            // A duplicate (same version, new cursor) and an older version arriving late change nothing.
            Speech renamed = withTitle(TestSpeeches.neijiang(3), "新标题三");
            var second = apply(index, List.of(TestSpeeches.upsert(3, renamed), TestSpeeches.upsert(4, renamed),
                    TestSpeeches.upsert(5, withTitle(TestSpeeches.neijiang(2), "旧标题二"))), 5);
            assertEquals(1, second.applied());
            assertEquals(2, second.skipped());
            assertEquals(5, index.cursor());
            assertEquals(1, search(index, "新标题三").total());
            assertEquals(0, search(index, "旧标题二").total());

            // Items at or below the cursor (a page fetched again) are ignored.
            assertEquals(0, apply(index, List.of(TestSpeeches.upsert(2, TestSpeeches.bazhong(9))), 2).applied());

            // A delete removes the speech; an older upsert replayed afterwards does not bring it back.
            apply(index, List.of(TestSpeeches.delete(6, 6, 2)), 6);
            apply(index, List.of(TestSpeeches.upsert(7, TestSpeeches.bazhong(1))), 7);
            assertEquals(1, index.speechCount());
            assertEquals(0, search(index, "双助").total());
            // A newer version re-creates it.
            apply(index, List.of(TestSpeeches.upsert(8, TestSpeeches.bazhong(3))), 8);
            assertEquals(2, index.speechCount());

            // Speech 4 is indexed at version 3: replaying that version is skipped, the next one applies.
            assertEquals(0, apply(index, List.of(TestSpeeches.upsert(9, TestSpeeches.neijiang(3))), 9).applied());
            assertEquals(1, apply(index, List.of(TestSpeeches.upsert(10,
                    withTitle(TestSpeeches.neijiang(4), "新标题四"))), 10).applied());
            assertEquals(1, search(index, "新标题四").total());
            // A page fetched after a cursor the index has left is not applied.
            assertEquals(Optional.empty(), index.apply(3, List.of(TestSpeeches.upsert(11, TestSpeeches.wusheng(1))),
                    11));
        }
    }

    @Test
    void cursorAndVersionsSurviveARestart() throws IOException {
        String name = Backend.fresh("restart");
        try (SpeechIndex index = backend.open(name)) {
            apply(index, List.of(TestSpeeches.upsert(41, TestSpeeches.neijiang(1)),
                    TestSpeeches.upsert(42, TestSpeeches.wusheng(1))), 42);
        }
        try (SpeechIndex reopened = backend.open(name)) {
            assertEquals(42, reopened.cursor());
            assertEquals(2, reopened.speechCount());
            // The versions came back too (speech 12 at version 1): replaying the same change is still a no-op, the
            // next version applies.
            assertEquals(0, apply(reopened, List.of(TestSpeeches.upsert(43, TestSpeeches.wusheng(1))), 43).applied());
            assertEquals(43, reopened.cursor());
            assertEquals(1, apply(reopened, List.of(TestSpeeches.upsert(44, TestSpeeches.wusheng(2))), 44).applied());
        }
        try (SpeechIndex again = backend.open(name)) {
            assertEquals(44, again.cursor());
            assertTrue(again.appliedAt() != null);
        }
    }

    @Test
    void aChangeIsSearchableAsSoonAsItIsApplied() throws IOException {
        try (SpeechIndex index = backend.open(Backend.fresh("freshness"))) {
            for (int version = 1; version <= 5; version++) {
                String title = "第" + version + "版标题";
                apply(index, List.of(TestSpeeches.upsert(version, withTitle(TestSpeeches.neijiang(version), title))),
                        version);
                assertEquals(List.of(4L), ids(search(index, "\"" + title + "\"")), title);
                assertEquals(1, index.speechCount());
            }
            apply(index, List.of(TestSpeeches.delete(6, 4, 6)), 6);
            assertEquals(0, search(index, "\"第5版标题\"").total());
            assertEquals(0, index.speechCount());
        }
    }

    @Test
    void findsSubstringsTraditionalCharactersAndOutlineOnlySpeeches() throws IOException {
        try (SpeechIndex index = seeded()) {
            assertEquals(List.of(11L, 4L), ids(search(index, "有事来协")));
            assertEquals(List.of(6L, 12L), ids(search(index, "雙助")).stream().sorted().toList());
            assertEquals(List.of(12L), ids(search(index, "锚定目标")));
            assertEquals(List.of(4L), ids(search(index, "1788名委员")));
            assertEquals(List.of(4L), ids(search(index, "１７８８名委員")));
            assertEquals(List.of(6L), ids(search(index, "茶叶 核桃")));
        }
    }

    @Test
    void quotedPhrasesMatchExactlyAcrossDigitsPunctuationAndWordBoundaries() throws IOException {
        try (SpeechIndex index = seeded()) {
            for (String phrase : List.of("镇级协商平台46个", "协商平台46个", "划入10个工作组", "全部划入10个", "46个、村级",
                    "台46", "8月底,全市", "8月底，全市", "“有事来协商”工作", "<script>alert(1)")) {
                SearchResult result = search(index, "\"" + phrase + "\"");
                assertEquals(List.of(4L), ids(result), phrase);
                String marked = "<em>" + Highlighter.escape(phrase).replace('，', ',') + "</em>";
                assertTrue(result.hits().get(0).highlights().stream().anyMatch(h -> h.fragment().contains(marked)),
                        phrase + ": " + result.hits().get(0).highlights());
            }
            for (String phrase : List.of("平台46个村", "协商 平台", "46个 村级", "镇级协商平台 46个")) {
                assertEquals(0, search(index, "\"" + phrase + "\"").total(), phrase);
            }
            // unquoted, the same strings still find the speech by words and substrings
            assertEquals(List.of(4L), ids(search(index, "镇级协商平台46个")));
            assertEquals(List.of(4L), ids(search(index, "划入10个工作组")));
        }
    }

    @Test
    void titleMatchesRankAboveBodyMatches() throws IOException {
        try (SpeechIndex index = seeded()) {
            List<Long> hits = ids(search(index, "双助"));
            assertTrue(hits.indexOf(6L) < 2 && hits.indexOf(12L) < 2, hits.toString());
            List<Long> platform = ids(search(index, "协商平台"));
            assertEquals(4L, platform.get(0));
        }
    }

    @Test
    void phrasesExclusionOrAndFilters() throws IOException {
        try (SpeechIndex index = seeded()) {
            assertEquals(List.of(6L), ids(search(index, "双助 -武胜")));
            assertEquals(List.of(12L), ids(search(index, "双助 -\"产业深耕\"")));
            assertEquals(List.of(6L, 4L), ids(search(index, "茶叶 OR 白酒")).stream()
                    .sorted(Comparator.reverseOrder()).toList());
            assertEquals(0, search(index, "\"协商 白酒平台\"").total());
            SearchResult county = index.search(QueryParser.parse("双助"),
                    new Filters(null, null, null, "county", null, null, null, null), 0, 10);
            assertEquals(List.of(12L), ids(county));
            SearchResult dated = index.search(QueryParser.parse(""), new Filters(1L, null, null, null, null, null,
                    LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)), 0, 10);
            assertEquals(4, dated.total());
            assertEquals(List.of(4L, 6L, 11L, 12L), ids(dated));
            assertEquals(2L, dated.facets().get("region").size() > 0 ? dated.facets().get("level")
                    .get("prefecture-city") : -1);
            assertEquals(4L, dated.facets().get("compilation").get("1"));
        }
    }

    @Test
    void facetsCountEveryMatchMostFirst() throws IOException {
        try (SpeechIndex index = backend.open(Backend.fresh("facets"))) {
            // a commit per batch: three segments in the Lucene index
            apply(index, List.of(TestSpeeches.upsert(1, TestSpeeches.neijiang(1)),
                    TestSpeeches.upsert(2, TestSpeeches.bazhong(1))), 2);
            apply(index, List.of(TestSpeeches.upsert(3, TestSpeeches.wusheng(1))), 3);
            apply(index, List.of(TestSpeeches.upsert(4, TestSpeeches.shunqing(1))), 4);
            SearchResult all = search(index, "");
            assertEquals(4, all.total());
            // most matches first, then by value
            assertEquals(List.of(Map.entry("prefecture-city", 2L), Map.entry("county", 1L),
                    Map.entry("district", 1L)), List.copyOf(all.facets().get("level").entrySet()));
            assertEquals(List.of("内江市", "巴中市", "武胜县", "顺庆区"),
                    List.copyOf(all.facets().get("region").keySet()));
            assertEquals(Map.of("1", 4L), all.facets().get("compilation"));
            SearchResult bothCounties = search(index, "双助");
            assertEquals(Map.of("prefecture-city", 1L, "county", 1L), bothCounties.facets().get("level"));
        }
    }

    @Test
    void speakerKindIsAFacetAndAFilterAndAMissingOneIsACommittee() throws IOException {
        Speech party = TestSpeeches.JSON.readValue("""
                {"id": 21, "order": 1, "committee": "民革四川省委会", "speakerKind": "party", "speakerName": null,
                 "title": "发挥党派优势助推乡村振兴", "compilationId": 1, "version": 1,
                 "lead": ["民革四川省委会围绕乡村振兴开展调研。"]}""", Speech.class);
        try (SpeechIndex index = seeded()) {
            apply(index, List.of(TestSpeeches.upsert(5, party)), 5);
            SearchResult all = search(index, "乡村振兴");
            assertEquals(Map.of("committee", 1L, "party", 1L), all.facets().get("speakerKind"));
            SearchResult parties = index.search(QueryParser.parse("乡村振兴"),
                    new Filters(null, null, null, null, null, "party", null, null), 0, 10);
            assertEquals(List.of(21L), ids(parties));
            assertEquals(Map.of("committee", 4L, "party", 1L), search(index, "").facets().get("speakerKind"));
        }
    }

    @Test
    void hostileInputIsPlainTextAndHighlightsAreEscaped() throws IOException {
        try (SpeechIndex index = seeded()) {
            for (String q : List.of("title:*", "*:*", "\\", "\"", "😀", "a\\\"b", "((((", "-", "OR", "-双助")) {
                SearchResult r = search(index, q);
                assertTrue(r.total() >= 0, q);
            }
            assertEquals(0, search(index, "*:*").total());
            SearchResult script = search(index, "白酒");
            String fragment = script.hits().get(0).highlights().stream()
                    .filter(h -> h.field().equals("paragraph")).findFirst().orElseThrow().fragment();
            assertTrue(fragment.contains("<em>白酒</em>"), fragment);
            assertTrue(fragment.contains("&lt;script&gt;"), fragment);
            assertFalse(fragment.contains("<script>"), fragment);
        }
    }

    @Test
    void suggestsAndFindsSimilarSpeeches() throws IOException {
        try (SpeechIndex index = seeded()) {
            var suggestions = index.suggest("有事", 5);
            assertTrue(suggestions.stream().anyMatch(s -> s.text().equals("健全“有事来协商”机制")), suggestions.toString());
            assertTrue(index.suggest("协", 10).stream().anyMatch(s -> s.kind().equals("term")),
                    index.suggest("协", 10).toString());
            Optional<List<Hit>> similar = index.similar(6, 3);
            assertTrue(similar.isPresent());
            assertFalse(similar.get().isEmpty());
            assertFalse(similar.get().stream().anyMatch(h -> h.speechId() == 6));
            assertTrue(index.similar(999, 3).isEmpty());
        }
    }

    @Test
    void rebuildSwapsInAFreshIndexWhileTheOldOneAnswers() throws Exception {
        String name = Backend.fresh("rebuild");
        try (SpeechIndex index = backend.open(name)) {
            apply(index, List.of(TestSpeeches.upsert(1, TestSpeeches.neijiang(1)),
                    TestSpeeches.upsert(2, TestSpeeches.bazhong(1))), 2);
            SpeechIndex.Rebuild fresh = index.startRebuild();
            fresh.apply(List.of(TestSpeeches.upsert(1, TestSpeeches.neijiang(1))), 1);
            // Still the old index answering.
            assertEquals(2, index.speechCount());
            assertEquals(1, index.search(QueryParser.parse("双助"), Filters.none(), 0, 10).total());

            fresh.swapIn(f -> f.apply(List.of(TestSpeeches.upsert(2, TestSpeeches.bazhong(1)),
                    TestSpeeches.upsert(3, TestSpeeches.wusheng(1))), 3));
            assertEquals(3, index.cursor());
            assertEquals(3, index.speechCount());
            assertEquals(2, index.search(QueryParser.parse("双助"), Filters.none(), 0, 10).total());

            // A rebuild given up leaves the live index alone.
            SpeechIndex.Rebuild discarded = index.startRebuild();
            discarded.apply(List.of(TestSpeeches.upsert(1, TestSpeeches.shunqing(1))), 1);
            discarded.discard();
            assertEquals(3, index.speechCount());
            assertEquals(0, index.search(QueryParser.parse("有用好用管用"), Filters.none(), 0, 10).total());
        }
        // After a restart the swapped-in index and its cursor are the live ones.
        try (SpeechIndex reopened = backend.open(name)) {
            assertEquals(3, reopened.cursor());
            assertEquals(3, reopened.speechCount());
            assertFalse(reopened.outdated());
        }
    }

    private SpeechIndex seeded() throws IOException {
        SpeechIndex index = backend.open(Backend.fresh("seeded"));
        apply(index, List.of(TestSpeeches.upsert(1, TestSpeeches.neijiang(1)),
                TestSpeeches.upsert(2, TestSpeeches.bazhong(1)), TestSpeeches.upsert(3, TestSpeeches.shunqing(1)),
                TestSpeeches.upsert(4, TestSpeeches.wusheng(1))), 4);
        return index;
    }

    /** A page of the feed fetched after the index's cursor, as the feed consumer applies it. */
    static AppliedBatch apply(SpeechIndex index, List<ChangeItem> items, long next) throws IOException {
        return index.apply(index.cursor(), items, next).orElseThrow();
    }

    private static SearchResult search(SpeechIndex index, String q) throws IOException {
        return index.search(QueryParser.parse(q), Filters.none(), 0, 10);
    }

    private static List<Long> ids(SearchResult result) {
        return result.hits().stream().map(Hit::speechId).toList();
    }

    private static Speech withTitle(Speech s, String title) {
        return new Speech(s.id(), s.order(), s.committee(), s.speakerKind(), s.speakerName(), s.region(),
                s.regionCode(), s.level(), s.parentRegion(), title, s.bodyAvailable(), s.truncated(),
                s.compilationId(), s.version(), s.lead(), s.sections(), s.outline());
    }
}
