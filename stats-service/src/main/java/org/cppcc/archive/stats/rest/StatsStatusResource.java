package org.cppcc.archive.stats.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.bson.Document;
import org.cppcc.archive.stats.feed.FeedConsumer;
import org.cppcc.archive.stats.service.StatsQueries;
import org.cppcc.archive.stats.store.StatsStore;

import io.smallrye.common.annotation.Blocking;

/** What the stats service has extracted so far and how far behind the document service's feed it is. */
@Path("/api/v1/stats/status")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class StatsStatusResource {

    /**
     * The state of the fact store: {@code feedCursor} is the last change applied, {@code feedHead} the newest
     * cursor the feed has shown, {@code lag} the changes between them.
     */
    public record StatsStatus(String service, long facts, long speeches, String feedCursor, String feedHead, long lag,
            boolean consumerEnabled, boolean caughtUp, Instant lastPollAt, String lastError) {
    }

    private final StatsStore store;
    private final StatsQueries queries;
    private final FeedConsumer consumer;

    StatsStatusResource(StatsStore store, StatsQueries queries, FeedConsumer consumer) {
        this.store = store;
        this.queries = queries;
        this.consumer = consumer;
    }

    @GET
    @RolesAllowed({ "analyst", "admin" })
    public StatsStatus status() {
        Document state = store.feedState();
        long cursor = state.get("cursor", Number.class).longValue();
        long head = Math.max(cursor, state.get("head", Number.class).longValue());
        return new StatsStatus("stats-service", queries.countFacts(), store.speeches().countDocuments(),
                Long.toString(cursor), Long.toString(head), head - cursor, consumer.enabled(), consumer.caughtUp(),
                consumer.lastPollAt(), consumer.lastError());
    }
}
