package org.cppcc.archive.search.service;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.cppcc.archive.search.index.SearchModel.Filters;
import org.cppcc.archive.search.index.SearchModel.Hit;
import org.cppcc.archive.search.index.SearchModel.Result;
import org.cppcc.archive.search.index.SearchModel.Suggestion;
import org.cppcc.archive.search.index.SpeechIndex;
import org.cppcc.archive.search.query.QueryParser;

/** Search use cases over the service's {@link SpeechIndex}. */
@Singleton
public class SearchService {

    public static final int MAX_SUGGEST_LENGTH = 50;

    private final SpeechIndex index;

    public SearchService(LuceneSpeechIndex index) {
        this.index = index;
    }

    /** @throws QueryParser.InvalidQueryException for input the query language refuses */
    public Result search(String q, Filters filters, int page, int size) throws IOException {
        return index.search(QueryParser.parse(q), filters, page, size);
    }

    public List<Suggestion> suggest(String prefix, int limit) throws IOException {
        if (prefix.codePointCount(0, prefix.length()) > MAX_SUGGEST_LENGTH) {
            throw new QueryParser.InvalidQueryException("The prefix is longer than " + MAX_SUGGEST_LENGTH
                    + " characters.");
        }
        return index.suggest(prefix, limit);
    }

    public Optional<List<Hit>> similar(long speechId, int limit) throws IOException {
        return index.similar(speechId, limit);
    }

    public long speechCount() throws IOException {
        return index.speechCount();
    }
}
