package org.cppcc.archive.search.rest;

import java.io.IOException;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cppcc.archive.search.service.FeedConsumer;
import org.cppcc.archive.search.service.LuceneSpeechIndex;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

/** What the search service knows about its index and how far it is behind document-service's feed. */
@Path("/api/v1/search/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
@Blocking
public class SearchStatusResource {

    /**
     * The state of the index as a portal or an operator sees it. {@code feedHead} is the newest cursor the
     * consumer has seen (null before its first answer); {@code lagSeconds} counts from when the index last held
     * every change.
     */
    public record SearchStatus(String service, long indexedSpeeches, long feedCursor, Long feedHead,
            long lagChanges, long lagSeconds, boolean caughtUp, boolean feedRunning, String feedError,
            Instant lastAppliedAt, boolean rebuilding, String lastRebuild) {
    }

    private final LuceneSpeechIndex index;
    private final FeedConsumer feed;

    public SearchStatusResource(LuceneSpeechIndex index, FeedConsumer feed) {
        this.index = index;
        this.feed = feed;
    }

    @GET
    @RolesAllowed("reader")
    @Operation(summary = "Indexed speeches, feed cursor and head, lag")
    public SearchStatus status() throws IOException {
        FeedConsumer.FeedState state = feed.state();
        return new SearchStatus("search-service", index.speechCount(), state.cursor(), state.head(),
                state.lagChanges(), state.lagSeconds(), state.caughtUp(), state.running(), state.lastError(),
                index.appliedAt(), state.rebuilding(), state.lastRebuild());
    }
}
