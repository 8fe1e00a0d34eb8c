package org.cppcc.archive.document.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cppcc.archive.document.api.AuditEntry;
import org.cppcc.archive.document.api.PageResult;
import org.cppcc.archive.document.api.SpeechDetail;
import org.cppcc.archive.document.api.SpeechInput;
import org.cppcc.archive.document.api.SpeechItem;
import org.cppcc.archive.document.mapping.SpeechMapper;
import org.cppcc.archive.document.repository.SpeechEntity;
import org.cppcc.archive.document.service.Slice;
import org.cppcc.archive.document.service.SpeechFilter;
import org.cppcc.archive.document.service.SpeechNotFoundException;
import org.cppcc.archive.document.service.SpeechService;
import org.cppcc.archive.document.service.SpeechSort;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Speeches. Reads need {@code reader}; writes need {@code editor}. Concurrency control: every speech has an ETag
 * {@code "<id>-v<version>"}; PUT and DELETE require {@code If-Match} (missing → 428, stale → 412). A deleted speech
 * answers 410 Gone on GET, PUT and DELETE (it is still in its history and in the change feed).
 */
@Path("/api/v1/speeches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "speeches")
public class SpeechResource {

    private final SpeechService speeches;
    private final SpeechMapper mapper;
    private final JsonWebToken token;

    public SpeechResource(SpeechService speeches, SpeechMapper mapper, JsonWebToken token) {
        this.speeches = speeches;
        this.mapper = mapper;
        this.token = token;
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "List speeches (not deleted), filtered, paged and sorted")
    public PageResult<SpeechItem> list(@Parameter(description = "only speeches of this compilation", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("compilationId") String compilationId,
            @QueryParam("region") String region, @QueryParam("regionCode") String regionCode,
            @Parameter(schema = @Schema(enumeration = { "prefecture-city", "autonomous-prefecture", "district", "county-level-city", "county" })) @QueryParam("level") String level, @QueryParam("committee") String committee,
            @Parameter(description = "only speeches with (true) or without (false) a body", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("bodyAvailable") String bodyAvailable, @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("size") String size, @Parameter(description = "sort order", schema = @Schema(enumeration = { "order", "-order", "title", "-title", "updatedAt", "-updatedAt", "id", "-id" }, defaultValue = "order")) @QueryParam("sort") String sort) {
        int p = Params.integer("page", page, 0, 0, 1_000_000);
        int s = Params.integer("size", size, 20, 1, 100);
        SpeechSort order = sort == null || sort.isBlank() ? SpeechSort.ORDER
                : SpeechSort.parse(sort.strip()).orElseThrow(() -> new ProblemException(400,
                        "sort must be one of " + SpeechSort.allowed() + "."));
        SpeechFilter filter = new SpeechFilter(Params.optionalId("compilationId", compilationId),
                Params.text("region", region, 100), Params.text("regionCode", regionCode, 12),
                Params.text("level", level, 30), Params.text("committee", committee, 100),
                Params.optionalBoolean("bodyAvailable", bodyAvailable));
        Slice<SpeechEntity> slice = speeches.list(filter, p, s, order);
        return new PageResult<>(slice.items().stream().map(mapper::item).toList(), p, s, slice.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "One speech with its body; ETag, If-None-Match → 304; deleted → 410")
    public Response get(@Parameter(description = "speech id", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        long speechId = Params.id("id", id);
        SpeechEntity s = speeches.find(speechId).orElseThrow(() -> new SpeechNotFoundException(speechId, false));
        if (s.deleted) {
            throw new SpeechNotFoundException(speechId, true);
        }
        String etag = ETags.of(s.id, s.version);
        if (ETags.noneMatch(ifNoneMatch, s.id, s.version)) {
            return Response.notModified().header("ETag", etag).build();
        }
        return Response.ok(mapper.detail(s)).header("ETag", etag).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "Create a speech (201 + Location + ETag)")
    public Response create(@NotNull @Valid SpeechInput input) {
        SpeechEntity s = speeches.create(input, Callers.actor(token));
        SpeechDetail body = mapper.detail(s);
        return Response.created(URI.create("/api/v1/speeches/" + s.id)).header("ETag", ETags.of(s.id, s.version))
                .entity(body).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "Replace a speech; requires If-Match (missing → 428, stale → 412); bumps the version")
    public Response update(@Parameter(description = "speech id", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid SpeechInput input) {
        long speechId = Params.id("id", id);
        ETags.Expected expected = ETags.ifMatch(ifMatch, speechId).orElseThrow(() -> new ProblemException(428,
                "PUT needs an If-Match header with the speech's current ETag."));
        SpeechEntity s = speeches.update(speechId, expected.version(), input, Callers.actor(token));
        return Response.ok(mapper.detail(s)).header("ETag", ETags.of(s.id, s.version)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "Soft-delete a speech; requires If-Match like PUT; 204")
    public Response delete(@Parameter(description = "speech id", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        long speechId = Params.id("id", id);
        ETags.Expected expected = ETags.ifMatch(ifMatch, speechId).orElseThrow(() -> new ProblemException(428,
                "DELETE needs an If-Match header with the speech's current ETag."));
        speeches.delete(speechId, expected.version(), Callers.actor(token));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "Audit trail of a speech (also of a deleted one), oldest first")
    public List<AuditEntry> history(@Parameter(description = "speech id", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @PathParam("id") String id) {
        long speechId = Params.id("id", id);
        return speeches.history(speechId).orElseThrow(() -> new SpeechNotFoundException(speechId, false))
                .stream().map(mapper::audit).toList();
    }
}
