package org.cppcc.archive.search.rest;

import java.io.IOException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cppcc.archive.contract.Roles;
import org.cppcc.archive.search.model.SearchStatus;
import org.cppcc.archive.search.service.IndexService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

/** What the search service knows about its index and how far it is behind document-service's feed. */
@Path("/api/v1/search/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
@SecurityRequirement(name = "bearer")
@Blocking
public class SearchStatusResource {

    private final IndexService index;

    public SearchStatusResource(IndexService index) {
        this.index = index;
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getSearchStatus", summary = "Indexed speeches, feed cursor and head, lag", description = "Role: reader.")
    @APIResponse(responseCode = "200", description = "The state of the index", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SearchStatus.class)))
    public SearchStatus status() throws IOException {
        return index.status();
    }
}
