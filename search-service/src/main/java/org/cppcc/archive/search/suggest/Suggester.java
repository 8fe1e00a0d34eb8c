package org.cppcc.archive.search.suggest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.cppcc.archive.search.analysis.TextNormalizer;
import org.cppcc.archive.search.change.Speech;
import org.cppcc.archive.search.doc.Fields;
import org.cppcc.archive.search.doc.SpeechDocuments;
import org.cppcc.archive.search.model.Filters;
import org.cppcc.archive.search.model.Suggestion;
import org.cppcc.archive.search.query.QueryParser;
import org.cppcc.archive.search.query.SpeechFilters;
import org.cppcc.archive.search.query.SpeechQueries;

/**
 * Completions for what a user has typed: titles, headings and outline lines of the speeches that hold it as a
 * substring (those that begin with it first), then frequent words of the index that begin with it.
 */
public final class Suggester {

    /** Speeches read for title and heading candidates. */
    public static final int SPEECHES_READ = 50;
    /** Terms of the dictionary looked at per field. */
    public static final int TERMS_READ = 1000;

    private final SpeechQueries queries = new SpeechQueries();

    public List<Suggestion> suggest(IndexSearcher searcher, String prefix, int limit) throws IOException {
        String folded = fold(prefix);
        if (folded.isEmpty()) {
            return List.of();
        }
        List<Speech> holding = new ArrayList<>();
        Query phrase = queries.term(new QueryParser.Term(prefix.strip(), true));
        if (phrase != null) {
            TopDocs docs = searcher.search(SpeechFilters.apply(phrase, Filters.none()), SPEECHES_READ);
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : docs.scoreDocs) {
                holding.add(SpeechDocuments.stored(stored, sd.doc));
            }
        }
        return complete(folded, holding, limit, n -> frequentTerms(searcher, folded, n));
    }

    /** What is typed, as the index holds it; blank when there is nothing to complete. */
    public static String fold(String prefix) {
        return TextNormalizer.normalize(prefix).strip();
    }

    /** The most frequent words of the index that begin with the folded prefix and are longer than it. */
    @FunctionalInterface
    public interface FrequentTerms {
        List<String> first(int limit) throws IOException;
    }

    /**
     * The completions of {@code folded} (see {@link #fold}): titles, headings and outline lines of {@code holding}
     * (the best {@value #SPEECHES_READ} speeches holding it as a phrase, best first), those that begin with it
     * first, then the index's {@code terms}; whatever the index, so that every backend completes alike.
     */
    public static List<Suggestion> complete(String folded, List<Speech> holding, int limit, FrequentTerms terms)
            throws IOException {
        Map<String, Suggestion> found = new LinkedHashMap<>();
        List<Suggestion> contains = new ArrayList<>();
        for (Speech speech : holding) {
            List<Suggestion> candidates = new ArrayList<>();
            candidates.add(new Suggestion(speech.title(), "title"));
            speech.sections().forEach(s -> candidates.add(new Suggestion(s.heading(), "heading")));
            speech.outline().forEach(o -> candidates.add(new Suggestion(o, "heading")));
            for (Suggestion candidate : candidates) {
                if (candidate.text() == null) {
                    continue;
                }
                String text = TextNormalizer.normalize(candidate.text());
                if (text.startsWith(folded)) {
                    found.putIfAbsent(candidate.text(), candidate);
                } else if (text.contains(folded)) {
                    contains.add(candidate);
                }
            }
        }
        contains.forEach(c -> found.putIfAbsent(c.text(), c));
        List<Suggestion> result = new ArrayList<>(new ArrayList<>(found.values()).subList(0,
                Math.min(found.size(), limit)));
        if (result.size() < limit) {
            for (String term : terms.first(limit)) {
                if (result.size() >= limit) {
                    break;
                }
                if (result.stream().noneMatch(s -> s.text().equals(term))) {
                    result.add(new Suggestion(term, "term"));
                }
            }
        }
        return result;
    }

    /** The fields whose words complete a prefix. */
    public static final List<String> TERM_FIELDS = List.of(Fields.BODY, Fields.TITLE, Fields.HEADINGS);

    /** Words of the title, headings and body that begin with {@code prefix}, by document frequency. */
    private static List<String> frequentTerms(IndexSearcher searcher, String prefix, int limit) throws IOException {
        Map<String, Integer> freq = new HashMap<>();
        for (String field : TERM_FIELDS) {
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
            if (terms == null) {
                continue;
            }
            TermsEnum it = terms.iterator();
            if (it.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
                continue;
            }
            int seen = 0;
            do {
                String term = it.term().utf8ToString();
                if (!term.startsWith(prefix)) {
                    break;
                }
                if (term.length() > prefix.length()) {
                    freq.merge(term, it.docFreq(), Integer::sum);
                }
            } while (++seen < TERMS_READ && it.next() != null);
        }
        return freq.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }
}
