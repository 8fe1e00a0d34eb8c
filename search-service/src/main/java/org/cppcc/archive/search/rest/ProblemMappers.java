package org.cppcc.archive.search.rest;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.cppcc.archive.search.web.RequestIds;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

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

    /** A @RolesAllowed refusal inside a resource: the token is valid but lacks the role. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(403, "The token does not carry the role this operation needs.", request, null);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return respond(401, "A valid bearer token issued by the speech-archive realm is required.", request, null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        String detail = status == 404 ? "No resource at " + request.path() + "." : Status.fromStatusCode(status) + ".";
        if (status == 405) {
            detail = request.method() + " is not supported on " + request.path() + ".";
        } else if (status == 415) {
            detail = "Unsupported media type " + request.getHeader("Content-Type") + ".";
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
    public Response unexpected(Throwable e, HttpServerRequest request) {
        String requestId = RequestIds.of(request);
        LOG.errorf(e, "Unexpected failure on %s %s [%s]", request.method(), request.path(), requestId);
        return respond(500, "An unexpected error occurred; quote request id " + requestId + ".", request, null);
    }

    private static Response respond(int status, String detail, HttpServerRequest request,
            List<Problem.Violation> violations) {
        Problem problem = new Problem("about:blank", Status.fromStatusCode(status) == null ? "Error"
                : Status.fromStatusCode(status).getReasonPhrase(), status, detail, request.path(),
                RequestIds.of(request), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** "update.speech.title" → "speech.title": the caller knows its parameters, not our method names. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
