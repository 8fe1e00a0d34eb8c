package org.cppcc.archive.stats.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cppcc.archive.contract.Problem;
import org.cppcc.archive.contract.Roles;
import org.bson.Document;
import org.cppcc.archive.stats.feed.FeedConsumer;
import org.cppcc.archive.stats.store.StatsStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

/** What the stats service has extracted so far and how far behind the document service's feed it is. */
@Path("/api/v1/stats/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token (missing, expired, wrong issuer or audience)", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "401", value = ApiDocs.PROBLEM_401)))
@APIResponse(responseCode = "403", description = "The token does not carry the role the operation names", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "403", value = ApiDocs.PROBLEM_403)))
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
    private final FeedConsumer consumer;

    StatsStatusResource(StatsStore store, FeedConsumer consumer) {
        this.store = store;
        this.consumer = consumer;
    }

    @GET
    @RolesAllowed({ Roles.ANALYST, Roles.ADMIN })
    @Operation(operationId = "getStatsStatus", summary = "Facts and speeches stored, feed cursor and head, lag", description = "Role: analyst.")
    @APIResponse(responseCode = "200", description = "The state of the fact store", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = StatsStatus.class), examples = @ExampleObject(name = "caught up", value = ApiDocs.STATUS)))
    public StatsStatus status() {
        Document state = store.feedState();
        long cursor = state.get("cursor", Number.class).longValue();
        long head = Math.max(cursor, state.get("head", Number.class).longValue());
        return new StatsStatus("stats-service", store.size(store.facts()), store.size(store.speeches()),
                Long.toString(cursor), Long.toString(head), head - cursor, consumer.enabled(), consumer.caughtUp(),
                consumer.lastPollAt(), consumer.lastError());
    }
}
