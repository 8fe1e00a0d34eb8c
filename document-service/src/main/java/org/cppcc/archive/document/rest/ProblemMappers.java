package org.cppcc.archive.document.rest;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.cppcc.archive.document.parsing.CompilationFormatException;
import org.cppcc.archive.document.service.InvalidReferenceException;
import org.cppcc.archive.document.service.SpeechNotFoundException;
import org.cppcc.archive.document.service.UnreadableContentException;
import org.cppcc.archive.document.service.UnsupportedFileTypeException;
import org.cppcc.archive.document.service.VersionMismatchException;
import org.cppcc.archive.document.web.RequestIds;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import io.vertx.core.http.HttpServerRequest;

/** The one place that turns exceptions into problem+json responses; nothing else leaks out. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e.status(), e.getMessage(), request, null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return invalidJson(json, request);
        }
        String detail = status == 404 ? "No resource at " + request.path() + "." : Status.fromStatusCode(status) + ".";
        if (status == 405) {
            detail = request.method() + " is not supported on " + request.path() + ".";
        } else if (status == 415) {
            detail = "Unsupported media type " + request.getHeader("Content-Type") + ".";
        } else if (status == 400) {
            detail = "The request is malformed (for a JSON body: it is not complete, valid JSON).";
        } else if (status == 406) {
            detail = "None of the accepted media types can be produced.";
        }
        return respond(status, detail, request, null);
    }

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(400, "The request has " + violations.size() + " invalid value(s).", request, violations);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, HttpServerRequest request) {
        return respond(400, "Unknown field \"" + e.getPropertyName() + "\".", request, null);
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e, HttpServerRequest request) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(400, "The body is not valid JSON for this operation" + where + ".", request, null);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, HttpServerRequest request) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, request);
        }
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
        return respond(400, path.isEmpty() ? "The body does not have the expected JSON structure."
                : "Field \"" + path + "\" has the wrong type or format.", request, null);
    }

    @ServerExceptionMapper
    public Response unparsable(CompilationFormatException e, HttpServerRequest request) {
        return respond(400, e.getMessage(), request, null, e.line());
    }

    @ServerExceptionMapper
    public Response speechNotFound(SpeechNotFoundException e, HttpServerRequest request) {
        return respond(e.deleted() ? 410 : 404, e.getMessage(), request, null);
    }

    @ServerExceptionMapper
    public Response stale(VersionMismatchException e, HttpServerRequest request) {
        return respond(412, e.getMessage(), request, null);
    }

    @ServerExceptionMapper
    public Response invalidReference(InvalidReferenceException e, HttpServerRequest request) {
        return respond(400, e.getMessage(), request, List.of(new Problem.Violation(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response unreadable(UnreadableContentException e, HttpServerRequest request) {
        return respond(400, e.getMessage(), request, null);
    }

    @ServerExceptionMapper
    public Response unsupportedType(UnsupportedFileTypeException e, HttpServerRequest request) {
        return respond(415, e.getMessage(), request, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(403, "The token does not carry the role this operation needs.", request, null);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        Response r = respond(401, "A valid bearer token issued by the speech-archive realm is required.", request,
                null);
        return Response.fromResponse(r).header("WWW-Authenticate", "Bearer realm=\"speech-archive\"").build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        String requestId = RequestIds.of(request);
        LOG.errorf(e, "Unexpected failure on %s %s [%s]", request.method(), request.path(), requestId);
        return respond(500, "An unexpected error occurred; quote request id " + requestId + ".", request, null);
    }

    private static Response respond(int status, String detail, HttpServerRequest request,
            List<Problem.Violation> violations) {
        return respond(status, detail, request, violations, null);
    }

    private static Response respond(int status, String detail, HttpServerRequest request,
            List<Problem.Violation> violations, Integer line) {
        Problem problem = new Problem("about:blank", title(status), status, detail, request.path(),
                RequestIds.of(request), violations, line);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String title(int status) {
        return switch (status) {
            case 412 -> "Precondition Failed";
            case 428 -> "Precondition Required";
            default -> Status.fromStatusCode(status) == null ? "Error" : Status.fromStatusCode(status).getReasonPhrase();
        };
    }

    /** "update.speech.title" → "speech.title": the caller knows its parameters, not our method names. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
