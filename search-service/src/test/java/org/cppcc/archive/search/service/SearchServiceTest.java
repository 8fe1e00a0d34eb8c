package org.cppcc.archive.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.cppcc.archive.search.index.LuceneSpeechIndex;
import org.cppcc.archive.search.index.TestSpeeches;
import org.cppcc.archive.search.model.Filters;
import org.cppcc.archive.search.model.Hit;
import org.cppcc.archive.search.model.Suggestion;
import org.cppcc.archive.search.query.QueryParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search use cases over a real index, without HTTP: what they answer and what they refuse. */
class SearchServiceTest {

    @TempDir
    Path root;

    private LuceneSpeechIndex index;
    private SearchService search;

    @BeforeEach
    void seed() throws IOException {
        index = new LuceneSpeechIndex(root, TestSpeeches.COMPILATIONS);
        index.open();
        index.apply(0, List.of(TestSpeeches.upsert(1, TestSpeeches.neijiang(1)),
                TestSpeeches.upsert(2, TestSpeeches.bazhong(1)), TestSpeeches.upsert(3, TestSpeeches.shunqing(1)),
                TestSpeeches.upsert(4, TestSpeeches.wusheng(1))), 4);
        search = new SearchService(index);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void searchParsesTheQueryLanguage() throws IOException {
        assertEquals(List.of(6L), ids(search.search("双助 -武胜", Filters.none(), 0, 10).hits()));
        assertEquals(4, search.search("  ", Filters.none(), 0, 10).total());
        assertEquals(List.of(4L), ids(search.search("\"镇级协商平台46个\"", Filters.none(), 0, 10).hits()));
    }

    @Test
    void queriesTheLanguageRefusesAreInvalid() {
        assertThrows(QueryParser.InvalidQueryException.class,
                () -> search.search("协".repeat(QueryParser.MAX_LENGTH + 1), Filters.none(), 0, 10));
        assertThrows(QueryParser.InvalidQueryException.class,
                () -> search.search("a ".repeat(QueryParser.MAX_TERMS + 1), Filters.none(), 0, 10));
    }

    @Test
    void suggestionsComeFromTitlesAndHeadingsAndTheirPrefixIsBounded() throws IOException {
        List<Suggestion> suggestions = search.suggest("有事", 10);
        assertTrue(suggestions.stream().anyMatch(s -> s.text().equals("健全“有事来协商”机制")
                && s.kind().equals("heading")), suggestions.toString());
        assertTrue(suggestions.size() <= 10);
        assertEquals(1, search.suggest("有事", 1).size());
        assertEquals(List.of(), search.suggest("   ", 10));
        assertThrows(QueryParser.InvalidQueryException.class,
                () -> search.suggest("协".repeat(SearchService.MAX_SUGGEST_LENGTH + 1), 10));
    }

    @Test
    void similarSpeechesExcludeTheSpeechAndAnUnknownOneIsNotIndexed() throws IOException {
        List<Hit> like = search.similar(6, 3);
        assertFalse(like.isEmpty());
        assertTrue(like.size() <= 3);
        assertFalse(like.stream().anyMatch(h -> h.speechId() == 6));
        SpeechNotIndexedException missing = assertThrows(SpeechNotIndexedException.class,
                () -> search.similar(999, 3));
        assertEquals(999, missing.speechId());
        // a deleted speech is not indexed either
        index.apply(4, List.of(TestSpeeches.delete(5, 6, 2)), 5);
        assertThrows(SpeechNotIndexedException.class, () -> search.similar(6, 3));
    }

    private static List<Long> ids(List<Hit> hits) {
        return hits.stream().map(Hit::speechId).toList();
    }
}
