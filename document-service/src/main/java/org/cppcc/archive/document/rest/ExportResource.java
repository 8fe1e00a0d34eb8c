package org.cppcc.archive.document.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.cppcc.archive.contract.Params;
import org.cppcc.archive.contract.Problem;
import org.cppcc.archive.contract.ProblemException;
import org.cppcc.archive.contract.Roles;
import org.cppcc.archive.document.api.SpeechDetail;
import org.cppcc.archive.document.service.CompilationService;
import org.cppcc.archive.document.service.ExportService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

/** NDJSON export: one full speech (as in GET /speeches/{id}) per line, streamed. */
@Path("/api/v1/export")
@Tag(name = "export", description = "Bulk NDJSON export for mirroring the archive")
@SecurityRequirement(name = "bearer")
public class ExportResource {

    static final String NDJSON = "application/x-ndjson";

    private final ExportService export;
    private final CompilationService compilations;

    public ExportResource(ExportService export, CompilationService compilations) {
        this.export = export;
        this.compilations = compilations;
    }

    @GET
    @Blocking
    @Produces({ NDJSON, "application/problem+json" })
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(operationId = "exportSpeeches", summary = "All not deleted speeches, or those of one compilation, as NDJSON", description = "Role: reader. One speech per line, each as GET /api/v1/speeches/{id} answers it; streamed.")
    @APIResponse(responseCode = "200", description = "One JSON speech per line", content = @Content(mediaType = ExportResource.NDJSON, schema = @Schema(implementation = SpeechDetail.class)))
    @APIResponse(responseCode = "400", description = "The compilationId is not a positive integer", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such compilation", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response export(@Parameter(description = "only this compilation (default: the whole archive)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("compilationId") String compilationId) {
        Long id = Params.optionalId("compilationId", compilationId);
        if (id != null && compilations.find(id).isEmpty()) {
            throw new ProblemException(404, "No compilation " + id + ".");
        }
        StreamingOutput body = out -> export.write(id, out);
        return Response.ok(body, NDJSON + ";charset=utf-8").build();
    }
}
