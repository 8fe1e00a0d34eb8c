package org.cppcc.archive.search.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the search service knows about its index; the feed consumer fills this in (issue 4). */
@Path("/api/v1/search/status")
@Produces(MediaType.APPLICATION_JSON)
public class SearchStatusResource {

    /** The state of the index as a portal or an operator sees it. */
    public record SearchStatus(String service, long indexedSpeeches, String feedCursor) {
    }

    @GET
    @RolesAllowed("reader")
    public SearchStatus status() {
        return new SearchStatus("search-service", 0, null);
    }
}
