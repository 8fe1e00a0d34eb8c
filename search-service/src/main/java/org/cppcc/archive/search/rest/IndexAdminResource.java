package org.cppcc.archive.search.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cppcc.archive.contract.Roles;
import org.cppcc.archive.search.model.RebuildTicket;
import org.cppcc.archive.search.service.IndexService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Index administration: rebuild from the change feed. */
@Path("/api/v1/search/index")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search-admin", description = "Index administration (admin)")
@SecurityRequirement(name = "bearer")
public class IndexAdminResource {

    private final IndexService index;

    public IndexAdminResource(IndexService index) {
        this.index = index;
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "rebuildSearchIndex", summary = "Replay the change feed into a fresh index and swap it in", description = "Role: admin. Answers 202 at once (state started, or running when a rebuild is already under way); progress in GET /api/v1/search/status.")
    @APIResponse(responseCode = "202", description = "Rebuild started or already running", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = RebuildTicket.class)))
    public Response rebuild() {
        return Response.accepted(index.rebuild()).build();
    }
}
