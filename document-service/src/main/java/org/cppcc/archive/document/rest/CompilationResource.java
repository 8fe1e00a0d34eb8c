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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.cppcc.archive.contract.Params;
import org.cppcc.archive.contract.Problem;
import org.cppcc.archive.contract.ProblemException;
import org.cppcc.archive.contract.Roles;
import org.cppcc.archive.document.api.CompilationDetail;
import org.cppcc.archive.document.api.CompilationPreview;
import org.cppcc.archive.document.api.CompilationSummary;
import org.cppcc.archive.document.api.PageResult;
import org.cppcc.archive.document.mapping.CompilationMapper;
import org.cppcc.archive.document.mapping.SpeechMapper;
import org.cppcc.archive.document.repository.CompilationEntity;
import org.cppcc.archive.document.service.CompilationService;
import org.cppcc.archive.document.service.ExtractedText;
import org.cppcc.archive.document.service.Slice;
import org.cppcc.archive.document.service.TextExtractor;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Compilations: import (admin) and read (reader). */
@Path("/api/v1/compilations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "compilations", description = "Compilations of speeches (汇编): import (admin) and read (reader)")
@SecurityRequirement(name = "bearer")
public class CompilationResource {

    private static final String IMPORT_SUMMARY = "Import a compilation (UTF-8 text, or a .txt/.docx/.pdf file as multipart part 'file')";
    private static final String IMPORT_DESCRIPTION = "Role: admin. Parses the compilation and stores its speeches. "
            + "Idempotent by the SHA-256 of the bytes: 201 with Location for a new one, 200 with the existing one. "
            + "With dryRun=true nothing is stored and the answer is the parse result (200). Both answers carry the "
            + "parse report: coverage, warnings (what was assumed, by line) and unplaced (text in no speech); "
            + "GET /api/v1/compilations/{id} shows it later. Refused (400 with the line) only when nothing "
            + "speech-like exists or, with strict=true, at the first thing not understood.";
    private static final String DRY_RUN = "parse and return the result without storing anything";
    private static final String STRICT = "refuse (400 with the line) at the first thing the parser does not "
            + "understand, instead of warning and carrying on";

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
    @Operation(operationId = "importCompilation", summary = IMPORT_SUMMARY, description = IMPORT_DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING, maxLength = 20_971_520, description = "the compilation as UTF-8 text, at most 20 MB")))
    @APIResponse(responseCode = "200", description = "Already imported (the existing compilation) or, with dryRun=true, what would be stored", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(anyOf = { CompilationDetail.class, CompilationPreview.class })))
    @APIResponse(responseCode = "201", description = "Imported; the answer carries the parse report (coverage, warnings, unplaced)", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = CompilationDetail.class)), headers = {@Header(name = "Location", description = "URL of the new compilation", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Nothing speech-like in the text, or with strict=true the first thing not understood (the problem names the line), or an invalid dryRun or strict", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than 20 MB", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not UTF-8 text, or a file type other than .txt, .docx, .pdf", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @Parameter(name = "dryRun", in = ParameterIn.QUERY, description = DRY_RUN, schema = @Schema(type = SchemaType.BOOLEAN))
    @Parameter(name = "strict", in = ParameterIn.QUERY, description = STRICT, schema = @Schema(type = SchemaType.BOOLEAN))
    public Response importText(@Context UriInfo uri,
            @HeaderParam("Content-Type") String contentType, byte[] body) {
        String charset = charset(contentType);
        if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
            throw new ProblemException(415, "Text must be sent as UTF-8 (charset=utf-8), not " + charset + ".");
        }
        byte[] bytes = body == null ? new byte[0] : body;
        return importBytes(bytes, extractor.fromPlainText(bytes), uri);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = IMPORT_SUMMARY, description = IMPORT_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "Already imported (the existing compilation) or, with dryRun=true, what would be stored", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(anyOf = { CompilationDetail.class, CompilationPreview.class })))
    @APIResponse(responseCode = "201", description = "Imported; the answer carries the parse report (coverage, warnings, unplaced)", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = CompilationDetail.class)), headers = {@Header(name = "Location", description = "URL of the new compilation", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Nothing speech-like in the file, or with strict=true the first thing not understood (the problem names the line), a damaged file or a .txt that is not UTF-8, no part named file, or an invalid dryRun or strict", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than 20 MB", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "A file type other than .txt, .docx, .pdf", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @Parameter(name = "dryRun", in = ParameterIn.QUERY, description = DRY_RUN, schema = @Schema(type = SchemaType.BOOLEAN))
    @Parameter(name = "strict", in = ParameterIn.QUERY, description = STRICT, schema = @Schema(type = SchemaType.BOOLEAN))
    public Response importFile(@Context UriInfo uri,
            @RestForm("file") FileUpload file) throws IOException {
        if (file == null) {
            throw new ProblemException(400, "The multipart body needs a part named \"file\".");
        }
        byte[] bytes = Files.readAllBytes(file.uploadedFile());
        return importBytes(bytes, extractor.fromFile(bytes, file.fileName(), file.contentType()), uri);
    }

    private Response importBytes(byte[] bytes, ExtractedText text, UriInfo uri) {
        boolean strictly = Boolean.TRUE.equals(Params.writeFlag(uri, "strict"));
        if (Boolean.TRUE.equals(Params.writeFlag(uri, "dryRun"))) {
            CompilationService.DryRun run = compilations.dryRun(bytes, text, strictly);
            return Response.ok(mapper.preview(run.parsed(), run.provinceCode(), run.sha256(),
                    run.existingId().orElse(null))).build();
        }
        CompilationService.Imported imported = compilations.importCompilation(bytes, text, strictly,
                Callers.actor(token));
        CompilationDetail body = detail(imported.compilation());
        if (!imported.created()) {
            return Response.ok(body).build();
        }
        return Response.created(URI.create("/api/v1/compilations/" + body.id())).entity(body).build();
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(operationId = "listCompilations", summary = "List compilations, oldest import first", description = "Role: reader.")
    @APIResponse(responseCode = "200", description = "One page of compilations", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiDocs.CompilationPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid page or size", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
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
    @Operation(operationId = "getCompilation", summary = "One compilation with its speeches in order and its parse report", description = "Role: reader. coverage, warnings and unplaced are what the parser reported when the compilation was imported.")
    @APIResponse(responseCode = "200", description = "The compilation", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = CompilationDetail.class)))
    @APIResponse(responseCode = "400", description = "The id is not a positive integer", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such compilation", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
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
