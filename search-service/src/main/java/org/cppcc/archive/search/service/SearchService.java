package org.cppcc.archive.search.service;

import java.io.IOException;
import java.util.List;

import jakarta.inject.Singleton;

import org.cppcc.archive.search.index.SpeechIndex;
import org.cppcc.archive.search.model.Filters;
import org.cppcc.archive.search.model.Hit;
import org.cppcc.archive.search.model.SearchResult;
import org.cppcc.archive.search.model.Suggestion;
import org.cppcc.archive.search.query.QueryParser;

/** Search use cases over the service's {@link SpeechIndex}. */
@Singleton
public class SearchService {

    public static final int MAX_SUGGEST_LENGTH = 50;
    /** The longest query the parser takes. */
    public static final int MAX_QUERY_LENGTH = QueryParser.MAX_LENGTH;

    private final SpeechIndex index;

    public SearchService(SpeechIndex index) {
        this.index = index;
    }

    /** @throws QueryParser.InvalidQueryException for input the query language refuses */
    public SearchResult search(String q, Filters filters, int page, int size) throws IOException {
        return index.search(QueryParser.parse(q), filters, page, size);
    }

    /** @throws QueryParser.InvalidQueryException for a prefix longer than {@value #MAX_SUGGEST_LENGTH} characters */
    public List<Suggestion> suggest(String prefix, int limit) throws IOException {
        if (prefix.codePointCount(0, prefix.length()) > MAX_SUGGEST_LENGTH) {
            throw new QueryParser.InvalidQueryException("The prefix is longer than " + MAX_SUGGEST_LENGTH
                    + " characters.");
        }
        return index.suggest(prefix, limit);
    }

    /** @throws SpeechNotIndexedException when the index does not hold the speech */
    public List<Hit> similar(long speechId, int limit) throws IOException {
        return index.similar(speechId, limit).orElseThrow(() -> new SpeechNotIndexedException(speechId));
    }
}
