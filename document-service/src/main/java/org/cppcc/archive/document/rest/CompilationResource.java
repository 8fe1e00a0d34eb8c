package org.cppcc.archive.document.rest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cppcc.archive.document.api.CompilationDetail;
import org.cppcc.archive.document.api.CompilationSummary;
import org.cppcc.archive.document.api.PageResult;
import org.cppcc.archive.document.mapping.CompilationMapper;
import org.cppcc.archive.document.mapping.SpeechMapper;
import org.cppcc.archive.document.repository.CompilationEntity;
import org.cppcc.archive.document.service.CompilationService;
import org.cppcc.archive.document.service.Slice;
import org.cppcc.archive.document.service.TextExtractor;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Compilations: import (admin) and read (reader). */
@Path("/api/v1/compilations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "compilations")
public class CompilationResource {

    private final CompilationService compilations;
    private final CompilationMapper mapper;
    private final SpeechMapper speechMapper;
    private final TextExtractor extractor;
    private final JsonWebToken token;

    public CompilationResource(CompilationService compilations, CompilationMapper mapper, SpeechMapper speechMapper,
            TextExtractor extractor, JsonWebToken token) {
        this.compilations = compilations;
        this.mapper = mapper;
        this.speechMapper = speechMapper;
        this.extractor = extractor;
        this.token = token;
    }

    @POST
    @Path("import")
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import a compilation from UTF-8 text; idempotent by SHA-256 (201 new, 200 existing)")
    public Response importText(@Parameter(description = "parse and return the result without storing anything", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("dryRun") String dryRun, @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        String charset = charset(contentType);
        if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
            throw new ProblemException(415, "Text must be sent as UTF-8 (charset=utf-8), not " + charset + ".");
        }
        byte[] bytes = body == null ? new byte[0] : body;
        return importBytes(bytes, extractor.utf8(bytes), dryRun);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import a compilation file (part 'file': .txt UTF-8, .docx or .pdf)")
    public Response importFile(@Parameter(description = "parse and return the result without storing anything", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("dryRun") String dryRun, @RestForm("file") FileUpload file)
            throws IOException {
        if (file == null) {
            throw new ProblemException(400, "The multipart body needs a part named \"file\".");
        }
        byte[] bytes = Files.readAllBytes(file.uploadedFile());
        return importBytes(bytes, extractor.text(bytes, file.fileName(), file.contentType()), dryRun);
    }

    private Response importBytes(byte[] bytes, String text, String dryRun) {
        if (Boolean.TRUE.equals(Params.optionalBoolean("dryRun", dryRun))) {
            CompilationService.DryRun run = compilations.dryRun(bytes, text);
            return Response.ok(mapper.preview(run.parsed(), run.sha256(), run.existingId().orElse(null))).build();
        }
        CompilationService.Imported imported = compilations.importCompilation(bytes, text, Callers.actor(token));
        CompilationDetail body = detail(imported.compilation());
        if (!imported.created()) {
            return Response.ok(body).build();
        }
        return Response.created(URI.create("/api/v1/compilations/" + body.id())).entity(body).build();
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "List compilations, oldest import first")
    public PageResult<CompilationSummary> list(@Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") String page, @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("size") String size) {
        int p = Params.integer("page", page, 0, 0, 1_000_000);
        int s = Params.integer("size", size, 20, 1, 100);
        Slice<CompilationEntity> slice = compilations.list(p, s);
        Map<Long, Long> counts = compilations.speechCounts(slice.items().stream().map(c -> c.id).toList());
        List<CompilationSummary> items = slice.items().stream()
                .map(c -> mapper.summary(c, counts.getOrDefault(c.id, 0L))).toList();
        return new PageResult<>(items, p, s, slice.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(summary = "One compilation with its speeches in order")
    public CompilationDetail get(@Parameter(description = "compilation id", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @PathParam("id") String id) {
        long compilationId = Params.id("id", id);
        CompilationEntity c = compilations.find(compilationId)
                .orElseThrow(() -> new ProblemException(404, "No compilation " + compilationId + "."));
        return detail(c);
    }

    private CompilationDetail detail(CompilationEntity c) {
        return mapper.detail(c, compilations.speechesOf(c.id).stream().map(speechMapper::item).toList());
    }

    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=")) {
                return p.substring("charset=".length()).replace("\"", "");
            }
        }
        return null;
    }
}
