package org.cppcc.archive.stats.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the stats service has extracted so far; the feed consumer fills this in (issue 5). */
@Path("/api/v1/stats/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatsStatusResource {

    /** The state of the fact store as a dashboard or an operator sees it. */
    public record StatsStatus(String service, long facts, String feedCursor) {
    }

    @GET
    @RolesAllowed("analyst")
    public StatsStatus status() {
        return new StatsStatus("stats-service", 0, null);
    }
}
