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

import org.cppcc.archive.contract.Params;
import org.cppcc.archive.contract.Problem;
import org.cppcc.archive.contract.ProblemException;
import org.cppcc.archive.contract.Roles;
import org.cppcc.archive.document.api.AuditEntry;
import org.cppcc.archive.document.api.PageResult;
import org.cppcc.archive.document.api.SpeechDetail;
import org.cppcc.archive.document.api.SpeechInput;
import org.cppcc.archive.document.api.SpeechItem;
import org.cppcc.archive.document.api.SpeechMergeInput;
import org.cppcc.archive.document.api.SpeechSplitInput;
import org.cppcc.archive.document.api.SpeechSplitResult;
import org.cppcc.archive.document.divisions.Region;
import org.cppcc.archive.document.mapping.SpeechMapper;
import org.cppcc.archive.document.repository.SpeechEntity;
import org.cppcc.archive.document.service.Slice;
import org.cppcc.archive.document.service.SpeechFilter;
import org.cppcc.archive.document.service.SpeechGoneException;
import org.cppcc.archive.document.service.SpeechNotFoundException;
import org.cppcc.archive.document.service.SpeechService;
import org.cppcc.archive.document.service.SpeechSort;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Speeches. Reads need {@code reader}; writes need {@code editor}, restructuring (split, merge) {@code admin}.
 * Concurrency control: every speech has an ETag {@code "<id>-v<version>"}; PUT, DELETE, split and merge require
 * {@code If-Match} (missing → 428, stale → 412). A deleted speech
 * answers 410 Gone on GET, PUT and DELETE (it is still in its history and in the change feed).
 */
@Path("/api/v1/speeches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "speeches", description = "Speeches (发言): read (reader); create, replace, delete (editor); split, merge (admin); all writes with ETag / If-Match")
@SecurityRequirement(name = "bearer")
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
    @Operation(operationId = "listSpeeches", summary = "List speeches (not deleted), filtered, paged and sorted", description = "Role: reader.")
    @APIResponse(responseCode = "200", description = "One page of speeches", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiDocs.SpeechPage.class)))
    @APIResponse(responseCode = "400", description = "An invalid filter, page, size or sort", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PageResult<SpeechItem> list(@Parameter(description = "only speeches of this compilation", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("compilationId") String compilationId,
            @Parameter(description = "only speeches of this region (its name)", schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @QueryParam("region") String region,
            @Parameter(description = "only speeches of this region (its GB/T 2260 code)", schema = @Schema(type = SchemaType.STRING, maxLength = 12)) @QueryParam("regionCode") String regionCode,
            @Parameter(schema = @Schema(enumeration = { "province", "municipality", "autonomous-region", "prefecture-city", "autonomous-prefecture", "prefecture", "league", "district", "county-level-city", "county", "banner" })) @QueryParam("level") String level,
            @Parameter(description = "only speeches of this committee", schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @QueryParam("committee") String committee,
            @Parameter(description = "only speeches with (true) or without (false) a body", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("bodyAvailable") String bodyAvailable, @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("size") String size, @Parameter(description = "sort order", schema = @Schema(enumeration = { "order", "-order", "title", "-title", "updatedAt", "-updatedAt", "id", "-id" }, defaultValue = "order")) @QueryParam("sort") String sort) {
        int p = Params.integer("page", page, 0, 0, 1_000_000);
        int s = Params.integer("size", size, 20, 1, 100);
        SpeechSort order = sort == null || sort.isBlank() ? SpeechSort.ORDER
                : SpeechSort.parse(sort.strip()).orElseThrow(() -> new ProblemException(400,
                        "sort must be one of " + SpeechSort.allowed() + "."));
        SpeechFilter filter = new SpeechFilter(Params.optionalId("compilationId", compilationId),
                Params.text("region", region, 100), Params.text("regionCode", regionCode, 12),
                Params.oneOf("level", level, Region.LEVEL_NAMES), Params.text("committee", committee, 100),
                Params.optionalBoolean("bodyAvailable", bodyAvailable));
        Slice<SpeechEntity> slice = speeches.list(filter, p, s, order);
        return new PageResult<>(slice.items().stream().map(mapper::item).toList(), p, s, slice.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(operationId = "getSpeech", summary = "One speech with its body", description = "Role: reader. Answers an ETag; with If-None-Match of the current ETag the answer is 304. A deleted speech answers 410.")
    @APIResponse(responseCode = "200", description = "The speech", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SpeechDetail.class)), headers = {@Header(name = "ETag", description = "The version, e.g. \"1-v1\"; send it back in If-Match to change the speech", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "The id is not a positive integer", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such speech", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The speech was deleted", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "speech id", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @PathParam("id") String id, @Parameter(description = "an ETag the caller has; 304 while it is current", schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH)) @HeaderParam("If-None-Match") String ifNoneMatch) {
        long speechId = Params.id("id", id);
        SpeechEntity s = speeches.find(speechId).orElseThrow(() -> new SpeechNotFoundException(speechId));
        if (s.deleted) {
            throw new SpeechGoneException(speechId);
        }
        String etag = ETags.of(s.id, s.version);
        if (ETags.noneMatch(Params.text("If-None-Match", ifNoneMatch, ETags.MAX_LENGTH), s.id, s.version)) {
            return Response.notModified().header("ETag", etag).build();
        }
        return Response.ok(mapper.detail(s)).header("ETag", etag).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(operationId = "createSpeech", summary = "Create a speech", description = "Role: editor. Region fields are resolved from the committee name when region is left out.")
    @RequestBody(required = true, content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SpeechInput.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SpeechDetail.class)), headers = {@Header(name = "Location", description = "URL of the new speech", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", description = "The version, e.g. \"13-v1\"", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid fields (listed in violations), invalid JSON, or an unknown compilationId", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
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
    @Operation(operationId = "replaceSpeech", summary = "Replace a speech; requires If-Match", description = "Role: editor. Send the ETag of the version you edited in If-Match: missing → 428, stale → 412. Bumps the version.")
    @RequestBody(required = true, content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SpeechInput.class)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SpeechDetail.class)), headers = {@Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid fields (listed in violations) or invalid JSON", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such speech", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The speech was deleted", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response update(@Parameter(description = "speech id", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @PathParam("id") String id, @Parameter(description = "the ETag of the version the change is based on", schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH)) @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid SpeechInput input) {
        long speechId = Params.id("id", id);
        ETags.Expected expected = ETags.ifMatch(Params.text("If-Match", ifMatch, ETags.MAX_LENGTH), speechId).orElseThrow(() -> new ProblemException(428,
                "PUT needs an If-Match header with the speech's current ETag."));
        SpeechEntity s = speeches.update(speechId, expected.version(), input, Callers.actor(token));
        return Response.ok(mapper.detail(s)).header("ETag", ETags.of(s.id, s.version)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Operation(operationId = "deleteSpeech", summary = "Soft-delete a speech; requires If-Match", description = "Role: editor. The speech stays in its history and in the change feed; GET answers 410 afterwards.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "The id is not a positive integer", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such speech", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The speech was already deleted", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response delete(@Parameter(description = "speech id", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @PathParam("id") String id, @Parameter(description = "the ETag of the version the change is based on", schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH)) @HeaderParam("If-Match") String ifMatch) {
        long speechId = Params.id("id", id);
        ETags.Expected expected = ETags.ifMatch(Params.text("If-Match", ifMatch, ETags.MAX_LENGTH), speechId).orElseThrow(() -> new ProblemException(428,
                "DELETE needs an If-Match header with the speech's current ETag."));
        speeches.delete(speechId, expected.version(), Callers.actor(token));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "splitSpeech", summary = "Split a speech in two at a paragraph; requires If-Match", description = "Role: admin. For a speech header the parser missed: everything from the paragraph named in at (p-4, or lead-2 for the second lead paragraph) becomes a new speech right after this one, with the title and committee given (region resolved from the committee when left out). A paragraph that opens its section takes the heading along; one inside a section leaves the heading and the rest of the section becomes the new speech's lead. No text is changed, dropped or added; the speeches after it are renumbered when the new one needs their number. One transaction, in the history and the change feed. Undo with merge.")
    @RequestBody(required = true, content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SpeechSplitInput.class)))
    @APIResponse(responseCode = "201", description = "Split: both speeches with their new versions", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SpeechSplitResult.class)), headers = {@Header(name = "Location", description = "URL of the new (second) speech", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid fields (listed in violations), invalid JSON, or at names no paragraph of the speech or its very beginning", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such speech", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The speech was deleted", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response split(@Parameter(description = "speech id", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @PathParam("id") String id, @Parameter(description = "the ETag of the version the change is based on", schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH)) @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid SpeechSplitInput input) {
        long speechId = Params.id("id", id);
        ETags.Expected expected = ETags.ifMatch(Params.text("If-Match", ifMatch, ETags.MAX_LENGTH), speechId).orElseThrow(() -> new ProblemException(428,
                "A split needs an If-Match header with the speech's current ETag."));
        SpeechService.Split split = speeches.split(speechId, expected.version(), input, Callers.actor(token));
        return Response.created(URI.create("/api/v1/speeches/" + split.second().id))
                .entity(new SpeechSplitResult(mapper.detail(split.first()), mapper.detail(split.second()))).build();
    }

    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "mergeSpeech", summary = "Merge the speech that follows into this one; requires If-Match for both", description = "Role: admin. For a line the parser took for a speech header: the body of the speech named in speechId, which must come right after this one in the same compilation, is appended (its lead continues this speech's last section), its outline too, and that speech is deleted (its title and speaker stay in its history). If-Match carries this speech's ETag, etag the other's. The speeches after it are renumbered to close the gap. One transaction, in the history and the change feed. Undoes a split.")
    @RequestBody(required = true, content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SpeechMergeInput.class)))
    @APIResponse(responseCode = "200", description = "Merged: this speech at its new version", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SpeechDetail.class)), headers = {@Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid fields (listed in violations), invalid JSON, or speechId is this speech, one of another compilation or not the one right after it", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such speech (this one or the other)", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "One of the two speeches was deleted", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match or etag does not name the current version", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response merge(@Parameter(description = "speech id", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @PathParam("id") String id, @Parameter(description = "the ETag of the version the change is based on", schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH)) @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid SpeechMergeInput input) {
        long speechId = Params.id("id", id);
        ETags.Expected expected = ETags.ifMatch(Params.text("If-Match", ifMatch, ETags.MAX_LENGTH), speechId).orElseThrow(() -> new ProblemException(428,
                "A merge needs an If-Match header with the speech's current ETag."));
        ETags.Expected nextExpected = ETags.ifMatch(input.etag(), input.speechId()).orElseThrow();
        SpeechEntity s = speeches.merge(speechId, expected.version(), input.speechId(), nextExpected.version(),
                Callers.actor(token));
        return Response.ok(mapper.detail(s)).header("ETag", ETags.of(s.id, s.version)).build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(operationId = "getSpeechHistory", summary = "Audit trail of a speech (also of a deleted one), oldest first", description = "Role: reader.")
    @APIResponse(responseCode = "200", description = "The audit entries", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = AuditEntry.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "The id is not a positive integer", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such speech", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<AuditEntry> history(@Parameter(description = "speech id", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @PathParam("id") String id) {
        long speechId = Params.id("id", id);
        return speeches.history(speechId).orElseThrow(() -> new SpeechNotFoundException(speechId))
                .stream().map(mapper::audit).toList();
    }
}
