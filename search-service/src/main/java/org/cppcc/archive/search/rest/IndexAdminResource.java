package org.cppcc.archive.search.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cppcc.archive.search.service.FeedConsumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Index administration: rebuild from the change feed. */
@Path("/api/v1/search/index")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search-admin")
public class IndexAdminResource {

    private final FeedConsumer feed;

    public IndexAdminResource(FeedConsumer feed) {
        this.feed = feed;
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed("admin")
    @Operation(summary = "Replay the change feed into a fresh index and swap it in (202; progress in /status)")
    public Response rebuild() {
        return Response.accepted(feed.rebuild()).build();
    }
}
