package org.cppcc.archive.stats.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cppcc.archive.contract.Roles;
import org.cppcc.archive.feed.FeedStatus;
import org.cppcc.archive.stats.api.StatsStatus;
import org.cppcc.archive.stats.feed.FeedConsumer;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.cppcc.archive.stats.service.StatsQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
@Blocking
public class StatsStatusResource {

    private final StatsRepository repository;
    private final FeedConsumer feed;
    private final StatsQueries queries;

    StatsStatusResource(StatsRepository repository, FeedConsumer feed, StatsQueries queries) {
        this.repository = repository;
        this.feed = feed;
        this.queries = queries;
    }

    @GET
    @RolesAllowed({ Roles.ANALYST, Roles.ADMIN })
    @Operation(operationId = "getStatsStatus", summary = "Facts and speeches stored, feed cursor and head, lag, whether this replica consumes the feed", description = "Role: analyst.")
    @APIResponse(responseCode = "200", description = "The state of the fact store", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = StatsStatus.class)))
    public StatsStatus status() {
        FeedStatus state = feed.status();
        return new StatsStatus("stats-service", repository.estimatedFacts(), queries.speechCount(),
                state.feedCursor(), state.feedHead(), state.lagChanges(), state.lagSeconds(), state.caughtUp(),
                state.feedRunning(), state.feedError(), state.lastAppliedAt(), feed.replica(), feed.leaseHeld());
    }
}
