package org.cppcc.archive.search.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.cppcc.archive.search.analysis.ChineseAnalyzers;
import org.cppcc.archive.search.analysis.TextNormalizer;
import org.cppcc.archive.search.doc.Fields;
import org.cppcc.archive.search.query.QueryParser.Clause;
import org.cppcc.archive.search.query.QueryParser.ParsedQuery;
import org.cppcc.archive.search.query.QueryParser.Term;

/**
 * Turns a parsed query into a Lucene query. A quoted phrase matches exactly where a text holds its characters in
 * sequence (a phrase over the character field); any other term must match either as a substring (a phrase of
 * bigrams) or as all of its words, in any text field; the score adds both, with title, headings and committee/region
 * boosted over the body, so precise matches in prominent places rank first.
 */
public final class SpeechQueries {

    /** Field boosts: where a match says most about what the speech is about (every backend's). */
    public static final Map<String, Float> BOOSTS = Map.of(
            Fields.TITLE, 6f,
            Fields.HEADINGS, 3f,
            Fields.OUTLINE, 2.5f,
            Fields.COMMITTEE, 4f,
            Fields.REGION, 4f,
            Fields.BODY, 1f,
            Fields.COMPILATION, 0.3f);
    /** How much the other fields' matches add to the best one's. */
    public static final float TIE = 0.2f;
    /**
     * The whole term found as written counts twice as much as its words found apart, and a word found in the title
     * counts less than the whole term found there (square root of the field boost): otherwise a title that shares
     * one common word (协商) with the query outranks a body that holds the exact phrase (协商议事) four times.
     */
    public static final float SUBSTRING_WEIGHT = 2f;
    public static final float WAYS_TIE = 0.3f;

    private final Analyzer words = ChineseAnalyzers.words();
    private final Analyzer bigrams = ChineseAnalyzers.bigramsForQuery();
    private final Analyzer characters = ChineseAnalyzers.charactersForQuery();

    /** The query for the positive and negative terms (no filters), or null when nothing is searchable. */
    public Query build(ParsedQuery parsed) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int positive = 0;
        for (Clause clause : parsed.required()) {
            List<Query> alternatives = new ArrayList<>();
            for (Term term : clause.alternatives()) {
                Query q = term(term);
                if (q != null) {
                    alternatives.add(q);
                }
            }
            if (alternatives.isEmpty()) {
                continue;
            }
            if (alternatives.size() == 1) {
                query.add(alternatives.get(0), Occur.MUST);
            } else {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                alternatives.forEach(a -> any.add(a, Occur.SHOULD));
                query.add(any.build(), Occur.MUST);
            }
            positive++;
        }
        for (Term term : parsed.excluded()) {
            Query q = term(term);
            if (q != null) {
                query.add(q, Occur.MUST_NOT);
            }
        }
        if (positive == 0) {
            return parsed.required().isEmpty() && !parsed.excluded().isEmpty() ? excludeOnly(query) : null;
        }
        return query.build();
    }

    private static Query excludeOnly(BooleanQuery.Builder query) {
        return new MatchNoDocsQuery("a query needs a term to search for");
    }

    /** One term: a quoted phrase matches exactly; a plain term as a substring (bigram phrase) or by its words. */
    public Query term(Term term) {
        return term.phrase() ? exact(term.text()) : ranked(term.text());
    }

    /**
     * The speeches holding exactly this character sequence (after normalization), in any text field: a phrase of the
     * character pairs that cover it (see {@link ChineseAnalyzers#charactersForQuery()}).
     */
    private Query exact(String text) {
        List<Token> covering = analyze(characters, Fields.characters(Fields.BODY), text, Integer.MAX_VALUE);
        if (covering.isEmpty()) {
            return null;
        }
        List<Query> perField = new ArrayList<>();
        for (Map.Entry<String, Float> field : BOOSTS.entrySet()) {
            perField.add(boost(phrase(Fields.characters(field.getKey()), covering), field.getValue()));
        }
        return new DisjunctionMaxQuery(perField, TIE);
    }

    private Query ranked(String text) {
        List<Token> grams = analyze(bigrams, Fields.bigrams(Fields.BODY), text);
        if (grams.isEmpty()) {
            return null;
        }
        List<Query> phrase = new ArrayList<>();
        for (Map.Entry<String, Float> field : BOOSTS.entrySet()) {
            phrase.add(boost(phrase(Fields.bigrams(field.getKey()), grams), field.getValue()));
        }
        Query substring = new DisjunctionMaxQuery(phrase, TIE);
        List<String> termWords = words(text);
        if (termWords.isEmpty()) {
            return substring;
        }
        BooleanQuery.Builder allWords = new BooleanQuery.Builder();
        for (String word : termWords) {
            List<Query> perField = new ArrayList<>();
            for (Map.Entry<String, Float> field : BOOSTS.entrySet()) {
                perField.add(boost(new TermQuery(new org.apache.lucene.index.Term(field.getKey(), word)),
                        (float) Math.sqrt(field.getValue())));
            }
            allWords.add(new DisjunctionMaxQuery(perField, TIE), Occur.MUST);
        }
        // The better of the two explains the match; the other adds a little (a common word such as 协商 in the
        // title must not outweigh the exact term found several times in the body).
        return new DisjunctionMaxQuery(List.of(new BoostQuery(substring, SUBSTRING_WEIGHT), allWords.build()),
                WAYS_TIE);
    }

    /** The distinct words of a term, as the word fields hold them. */
    public List<String> words(String text) {
        return List.copyOf(new LinkedHashSet<>(analyze(words, Fields.BODY, text).stream().map(Token::text).toList()));
    }

    /** Whether a quoted phrase has anything to match (it may be all blanks). */
    public boolean hasCharacters(String text) {
        return !analyze(characters, Fields.characters(Fields.BODY), text, 1).isEmpty();
    }

    /** Whether a plain term has anything to match as a substring (it may be punctuation only). */
    public boolean hasBigrams(String text) {
        return !analyze(bigrams, Fields.bigrams(Fields.BODY), text, 1).isEmpty();
    }

    /** The normalized strings to mark in fragments: each term as written and its words. */
    public List<String> needles(ParsedQuery parsed) {
        Set<String> needles = new LinkedHashSet<>();
        for (Term term : parsed.positiveTerms()) {
            String folded = TextNormalizer.normalize(term.text()).strip();
            if (term.phrase()) {
                if (!folded.isEmpty()) {
                    needles.add(folded);
                }
            } else {
                if (!folded.isEmpty() && !analyze(bigrams, Fields.BODY, folded).isEmpty()) {
                    needles.add(folded);
                }
                for (Token token : analyze(words, Fields.BODY, term.text())) {
                    if (token.text().length() > 1 || folded.length() == 1) {
                        needles.add(token.text());
                    }
                }
            }
        }
        return List.copyOf(needles);
    }

    private static Query phrase(String field, List<Token> grams) {
        if (grams.size() == 1) {
            return new TermQuery(new org.apache.lucene.index.Term(field, grams.get(0).text()));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (Token gram : grams) {
            phrase.add(new org.apache.lucene.index.Term(field, gram.text()), gram.position());
        }
        return phrase.build();
    }

    private static Query boost(Query query, float boost) {
        return boost == 1f ? query : new BoostQuery(query, boost);
    }

    record Token(String text, int position) {
    }

    static List<Token> analyze(Analyzer analyzer, String field, String text) {
        return analyze(analyzer, field, text, 64);
    }

    static List<Token> analyze(Analyzer analyzer, String field, String text, int limit) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += Math.max(increment.getPositionIncrement(), 0);
                if (tokens.size() < limit) {
                    tokens.add(new Token(term.toString(), Math.max(position, 0)));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
