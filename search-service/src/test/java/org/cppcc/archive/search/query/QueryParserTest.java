package org.cppcc.archive.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cppcc.archive.search.query.QueryParser.Clause;
import org.cppcc.archive.search.query.QueryParser.ParsedQuery;
import org.cppcc.archive.search.query.QueryParser.Term;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    private static Term word(String text) {
        return new Term(text, false);
    }

    private static Term phrase(String text) {
        return new Term(text, true);
    }

    @Test
    void wordsAreAllRequired() {
        ParsedQuery q = QueryParser.parse("协商  平台");
        assertEquals(List.of(new Clause(List.of(word("协商"))), new Clause(List.of(word("平台")))), q.required());
        assertTrue(q.excluded().isEmpty());
    }

    @Test
    void quotedPhrasesExclusionAndOr() {
        ParsedQuery q = QueryParser.parse("\"有事来协商\" 双助 OR 提案 -乐山 -\"两个 薄弱\"");
        assertEquals(List.of(new Clause(List.of(phrase("有事来协商"))),
                new Clause(List.of(word("双助"), word("提案")))), q.required());
        assertEquals(List.of(word("乐山"), phrase("两个 薄弱")), q.excluded());
    }

    @Test
    void unbalancedQuoteIsPlainText() {
        ParsedQuery q = QueryParser.parse("\"有事来协商 平台");
        assertEquals(List.of(word("有事来协商"), word("平台")), q.positiveTerms());
        assertEquals(List.of(phrase("a b"), word("c")), QueryParser.parse("\"a b\" c\"").positiveTerms());
    }

    @Test
    void luceneSyntaxBackslashesAndEmojiAreJustCharacters() {
        assertEquals(List.of(word("title:*")), QueryParser.parse("title:*").positiveTerms());
        assertEquals(List.of(word("*:*")), QueryParser.parse("*:*").positiveTerms());
        assertEquals(List.of(word("a\\b\\"), word("😀双助")), QueryParser.parse("a\\b\\ 😀双助").positiveTerms());
        assertEquals(List.of(word("(a"), word("AND"), word("b)^3~")),
                QueryParser.parse("(a AND b)^3~").positiveTerms());
    }

    @Test
    void danglingOperatorsAreHarmless() {
        assertEquals(List.of(word("a")), QueryParser.parse("OR a OR").positiveTerms());
        assertEquals(List.of(word("-")), QueryParser.parse("-").positiveTerms());
        assertTrue(QueryParser.parse("   ").isEmpty());
        assertTrue(QueryParser.parse(null).isEmpty());
        assertEquals(List.of(word("a")), QueryParser.parse("+a").positiveTerms());
    }

    @Test
    void fullWidthQuotesAndMinusCountAsOperators() {
        ParsedQuery q = QueryParser.parse("＂有事来协商＂ －乐山");
        assertEquals(List.of(phrase("有事来协商")), q.positiveTerms());
        assertEquals(List.of(word("乐山")), q.excluded());
    }

    @Test
    void overlongAndOverlyComplexQueriesAreRefused() {
        assertThrows(QueryParser.InvalidQueryException.class, () -> QueryParser.parse("协".repeat(10_000)));
        assertThrows(QueryParser.InvalidQueryException.class, () -> QueryParser.parse("a ".repeat(17)));
        QueryParser.parse("协".repeat(200));
        QueryParser.parse("a ".repeat(16));
    }
}
