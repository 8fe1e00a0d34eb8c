package org.cppcc.archive.search.index;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.cppcc.archive.search.index.SearchModel.Filters;
import org.cppcc.archive.search.index.SearchModel.Hit;
import org.cppcc.archive.search.index.SearchModel.Result;
import org.cppcc.archive.search.index.SearchModel.Suggestion;
import org.cppcc.archive.search.query.QueryParser.ParsedQuery;

/**
 * The index as the service uses it. The Lucene implementation keeps everything on one machine; an OpenSearch
 * one can implement the same contract (its cursor kept in a document written with each bulk request).
 */
public interface SpeechIndex {

    Result search(ParsedQuery query, Filters filters, int page, int size) throws IOException;

    List<Suggestion> suggest(String prefix, int limit) throws IOException;

    /** More like this; empty when the speech is not indexed. */
    Optional<List<Hit>> similar(long speechId, int limit) throws IOException;

    long speechCount() throws IOException;

    /** The feed cursor the index has applied and committed. */
    long cursor();

    /** When the last change was applied, or null. */
    Instant appliedAt();

    /**
     * Applies a page fetched after {@code after}; returns empty when the index has moved on since (its cursor is
     * no longer {@code after}, e.g. after a rebuild swapped in): the caller fetches again.
     */
    Optional<LuceneIndex.ApplyResult> apply(long after, List<ChangeItem> items, long next) throws IOException;
}
