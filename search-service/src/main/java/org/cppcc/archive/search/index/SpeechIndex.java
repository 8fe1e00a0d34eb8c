package org.cppcc.archive.search.index;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.cppcc.archive.search.change.ChangeItem;
import org.cppcc.archive.search.model.AppliedBatch;
import org.cppcc.archive.search.model.Filters;
import org.cppcc.archive.search.model.Hit;
import org.cppcc.archive.search.model.SearchResult;
import org.cppcc.archive.search.model.Suggestion;
import org.cppcc.archive.search.query.QueryParser.ParsedQuery;

/**
 * The index as the service and the feed consumer use it, in the search model's terms only. {@link LuceneSpeechIndex}
 * keeps everything on one machine; {@link OpenSearchSpeechIndex} keeps it on an OpenSearch cluster (its cursor a
 * document of the index, a rebuild a new index swapped in by moving an alias). {@link SpeechIndexProducer} picks one.
 *
 * <p>Failures of the index itself are {@link IOException}s; input the query language refuses is a
 * {@link org.cppcc.archive.search.query.QueryParser.InvalidQueryException} raised before the index is asked.
 */
public interface SpeechIndex extends Closeable {

    /** One page (0-based) of the speeches matching {@code query} and {@code filters}, facets over all of them. */
    SearchResult search(ParsedQuery query, Filters filters, int page, int size) throws IOException;

    List<Suggestion> suggest(String prefix, int limit) throws IOException;

    /** More like this; empty when the speech is not indexed. */
    Optional<List<Hit>> similar(long speechId, int limit) throws IOException;

    /** Speeches a search can find (deleted ones not counted). */
    long speechCount() throws IOException;

    /** The feed cursor the index has applied and committed (0: nothing yet). */
    long cursor();

    /** When the last change was applied, or null. */
    Instant appliedAt();

    /**
     * The live index was written in an older format than this version writes (e.g. other stored fields): it still
     * answers, and the feed consumer rebuilds it from the feed when it starts.
     */
    boolean outdated();

    /**
     * Applies a page fetched after {@code after}, idempotently by (speech id, version), and commits {@code next} as
     * the cursor with it; returns empty when the index has moved on since (its cursor is no longer {@code after},
     * e.g. after a rebuild swapped in): the caller fetches again.
     */
    Optional<AppliedBatch> apply(long after, List<ChangeItem> items, long next) throws IOException;

    /** Releases the index (its writer, or its connections); called once, at shutdown. */
    @Override
    void close();

    /** A new, empty index for a rebuild to fill while searches keep using the live one. */
    Rebuild startRebuild() throws IOException;

    /** An index being rebuilt: filled from cursor 0, then swapped in or discarded. */
    interface Rebuild {

        /** Names the new index (a directory, an index name), for logs. */
        String name();

        long cursor();

        /** Applies a page of the feed to the new index (items at or below its cursor are ignored). */
        AppliedBatch apply(List<ChangeItem> items, long next) throws IOException;

        /**
         * Makes this index the live one. {@code catchUp} runs first while no other change can be applied to the
         * live index, so that this one holds everything the old one did.
         */
        void swapIn(CatchUp catchUp) throws IOException, InterruptedException;

        /** Gives up: the new index is removed, the live one stays. */
        void discard();
    }

    /** The last changes applied to a rebuilt index before it is swapped in. */
    @FunctionalInterface
    interface CatchUp {
        void run(Rebuild fresh) throws IOException, InterruptedException;
    }
}
