package org.cppcc.archive.search.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.cppcc.archive.search.change.Speech;
import org.cppcc.archive.search.doc.Fields;
import org.cppcc.archive.search.doc.SpeechDocuments;
import org.cppcc.archive.search.facet.FacetCounts;
import org.cppcc.archive.search.highlight.Highlights;
import org.cppcc.archive.search.model.Filters;
import org.cppcc.archive.search.model.Hit;
import org.cppcc.archive.search.model.SearchResult;
import org.cppcc.archive.search.query.QueryParser.ParsedQuery;

/**
 * A search over an acquired {@link IndexSearcher}: the query ({@link SpeechQueries} and {@link SpeechFilters}),
 * one pass that collects the page's top hits and the {@link FacetCounts facets} of every match, then the page's
 * stored speeches with their {@link Highlights}.
 */
public final class SpeechSearcher {

    private final SpeechQueries queries = new SpeechQueries();

    /** One page of hits (page 0-based) with the exact total and facet counts over all matches. */
    public SearchResult search(IndexSearcher searcher, ParsedQuery parsed, Filters filters, int page, int size)
            throws IOException {
        Query query = query(parsed, filters);
        if (query == null) {
            return new SearchResult(0, List.of(), FacetCounts.empty());
        }
        boolean scored = !parsed.isEmpty();
        int wanted = Math.max(1, (page + 1) * size);
        TopFieldCollectorManager top = new TopFieldCollectorManager(sort(parsed), wanted, null, Integer.MAX_VALUE);
        Object[] both = searcher.search(query, new MultiCollectorManager(top,
                new FacetCounts(searcher.getIndexReader())));
        TopDocs docs = (TopDocs) both[0];
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Long>> facets = (Map<String, Map<String, Long>>) both[1];
        List<String> needles = queries.needles(parsed);
        List<Hit> hits = new ArrayList<>();
        ScoreDoc[] scoreDocs = docs.scoreDocs;
        StoredFields stored = searcher.storedFields();
        for (int i = page * size; i < scoreDocs.length; i++) {
            FieldDoc doc = (FieldDoc) scoreDocs[i];
            float score = scored && doc.fields[0] instanceof Float f ? f : 0f;
            Speech speech = SpeechDocuments.stored(stored, doc.doc);
            hits.add(Hit.of(speech, score, Highlights.of(speech, needles)));
        }
        return new SearchResult(docs.totalHits.value(), hits, facets);
    }

    /**
     * The Lucene query a search runs: its terms (everything when there are none) and its filters, on speeches
     * only; null when the query has terms but none is searchable.
     */
    public Query query(ParsedQuery parsed, Filters filters) {
        Query text = parsed.isEmpty() ? new MatchAllDocsQuery() : queries.build(parsed);
        return text == null ? null : SpeechFilters.apply(text, filters);
    }

    /** The order of hits: best score first for a text query, then speech order. */
    public static Sort sort(ParsedQuery parsed) {
        return parsed.isEmpty() ? new Sort(new SortField(Fields.ORDER, SortField.Type.INT), SortField.FIELD_DOC)
                : new Sort(SortField.FIELD_SCORE, new SortField(Fields.ORDER, SortField.Type.INT));
    }
}
