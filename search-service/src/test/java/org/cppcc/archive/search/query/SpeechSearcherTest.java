package org.cppcc.archive.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cppcc.archive.search.highlight.Highlights;
import org.cppcc.archive.search.index.LuceneIndex;
import org.cppcc.archive.search.index.TestSpeeches;
import org.cppcc.archive.search.model.Filters;
import org.cppcc.archive.search.model.Highlight;
import org.cppcc.archive.search.model.Hit;
import org.cppcc.archive.search.model.SearchResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one search answers: the page cut from the ordered hits, totals and facets over every match, highlights. */
class SpeechSearcherTest {

    @TempDir
    Path dir;

    private final SpeechSearcher searcher = new SpeechSearcher();
    private LuceneIndex index;

    @BeforeEach
    void seed() throws IOException {
        index = LuceneIndex.open(dir, TestSpeeches.COMPILATIONS);
        index.apply(List.of(TestSpeeches.upsert(1, TestSpeeches.wusheng(1)),
                TestSpeeches.upsert(2, TestSpeeches.neijiang(1)), TestSpeeches.upsert(3, TestSpeeches.shunqing(1)),
                TestSpeeches.upsert(4, TestSpeeches.bazhong(1))), 4);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void withoutTermsEverySpeechIsListedInSpeechOrderUnscored() throws IOException {
        SearchResult all = search("", Filters.none(), 0, 10);
        assertEquals(4, all.total());
        assertEquals(List.of(4L, 6L, 11L, 12L), ids(all));
        assertTrue(all.hits().stream().allMatch(h -> h.score() == 0f && h.highlights().isEmpty()), all.toString());
    }

    @Test
    void aPageIsCutFromTheOrderedHitsWhileTotalAndFacetsCountEveryMatch() throws IOException {
        SearchResult second = search("", Filters.none(), 1, 2);
        assertEquals(List.of(11L, 12L), ids(second));
        assertEquals(4, second.total());
        assertEquals(Map.of("prefecture-city", 2L, "district", 1L, "county", 1L), second.facets().get("level"));
        SearchResult beyond = search("", Filters.none(), 5, 2);
        assertEquals(List.of(), beyond.hits());
        assertEquals(4, beyond.total());
    }

    @Test
    void filtersNarrowTheHitsAndTheFacets() throws IOException {
        SearchResult nanchong = search("", new Filters(null, "武胜县", null, null, null, null, null, null), 0, 10);
        assertEquals(List.of(12L), ids(nanchong));
        assertEquals(Map.of("武胜县", 1L), nanchong.facets().get("region"));
        assertEquals(0, search("", new Filters(2L, null, null, null, null, null, null, null), 0, 10).total());
    }

    @Test
    void aQueryWithNothingSearchableAnswersEveryFacetEmpty() throws IOException {
        SearchResult none = search("-双助", Filters.none(), 0, 10);
        assertEquals(0, none.total());
        assertEquals(List.of("region", "level", "committee", "speakerKind", "compilation"),
                List.copyOf(none.facets().keySet()));
        assertTrue(none.facets().values().stream().allMatch(Map::isEmpty), none.facets().toString());
    }

    @Test
    void textQueriesAreScoredAndHighlightTheTitleFirst() throws IOException {
        SearchResult found = search("双助", Filters.none(), 0, 10);
        assertEquals(2, found.total());
        for (Hit hit : found.hits()) {
            assertTrue(hit.score() > 0, hit.toString());
            List<Highlight> marks = hit.highlights();
            assertTrue(!marks.isEmpty() && marks.size() <= Highlights.MAX_HIGHLIGHTS, marks.toString());
            assertEquals("title", marks.get(0).field());
            assertTrue(marks.get(0).fragment().contains("<em>双助</em>"), marks.toString());
        }
    }

    @Test
    void paragraphHighlightsSayWhereTheyAre() throws IOException {
        Hit hit = search("1788名委员", Filters.none(), 0, 10).hits().get(0);
        assertEquals(4L, hit.speechId());
        Highlight paragraph = hit.highlights().stream().filter(h -> h.field().equals("paragraph")).findFirst()
                .orElseThrow();
        assertEquals(0, paragraph.sectionIndex());
        assertEquals(0, paragraph.paragraphIndex());
        assertTrue(paragraph.fragment().length() <= Highlights.FRAGMENT_CHARS + "<em></em>".length() * 4,
                paragraph.fragment());
    }

    private SearchResult search(String q, Filters filters, int page, int size) throws IOException {
        return index.search(s -> searcher.search(s, QueryParser.parse(q), filters, page, size));
    }

    private static List<Long> ids(SearchResult result) {
        return result.hits().stream().map(Hit::speechId).toList();
    }
}
