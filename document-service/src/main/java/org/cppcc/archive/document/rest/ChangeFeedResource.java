package org.cppcc.archive.document.rest;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.cppcc.archive.contract.Params;
import org.cppcc.archive.contract.Problem;
import org.cppcc.archive.contract.Roles;
import org.cppcc.archive.document.api.ChangeItem;
import org.cppcc.archive.document.api.ChangePage;
import org.cppcc.archive.document.mapping.SpeechMapper;
import org.cppcc.archive.document.service.ChangeFeedService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

/**
 * The ordered change feed consumed by search-service and stats-service. Follow it by passing the previous
 * response's {@code next} as {@code after}; see ChangeLog for why no change can be skipped.
 */
@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "changes", description = "The ordered change feed of every create, update and delete, for mirroring")
@SecurityRequirement(name = "bearer")
public class ChangeFeedResource {

    private final ChangeFeedService feed;
    private final SpeechMapper mapper;

    public ChangeFeedResource(ChangeFeedService feed, SpeechMapper mapper) {
        this.feed = feed;
        this.mapper = mapper;
    }

    @GET
    @Blocking // long-polls on a worker thread, never on the event loop
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(operationId = "listChanges", summary = "Changes after a cursor; waits up to `wait` seconds (0-30) when there are none yet", description = "Role: reader. Pass the previous answer's next as after to continue; an upsert carries the full speech, a delete only its id and version.")
    @APIResponse(responseCode = "200", description = "The changes after the cursor (possibly none)", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid after, limit or wait", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ChangePage changes(@Parameter(description = "cursor of the last change already processed (0 = from the start)", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("after") String after, @Parameter(description = "at most this many changes", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "100")) @QueryParam("limit") String limit,
            @Parameter(description = "seconds to wait when there is nothing new", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "30", defaultValue = "0")) @QueryParam("wait") String wait) throws InterruptedException {
        long from = Params.cursor("after", after);
        int max = Params.integer("limit", limit, 100, 1, 500);
        int seconds = Params.integer("wait", wait, 0, 0, 30);
        List<ChangeItem> items = feed.await(from, max, Duration.ofSeconds(seconds)).stream().map(mapper::change)
                .toList();
        return new ChangePage(items, items.isEmpty() ? from : items.get(items.size() - 1).cursor(), feed.head());
    }
}
