package org.cppcc.archive.contract;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * The exception mappers every service shares: the JAX-RS layer's own refusals, JSON that is malformed or of the wrong
 * shape, bean-validation violations, security refusals, {@link ProblemException}, and a catch-all 500 that logs the
 * failure and answers without a stack trace or class name. A service's own {@code rest/ProblemMappers} maps only its
 * domain exceptions, with {@link ProblemResponses}.
 */
public class ProblemMappers {

    /** What RESTEasy's multipart parser throws, as a plain IOException, when the body ends mid-part. */
    private static final String CUT_OFF_MULTIPART = "Connection terminated parsing multipart request";
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.{1,200}?)'");

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return ProblemResponses.of(e.status(), e.getMessage(), request, e.violations());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return json instanceof MismatchedInputException mismatch ? wrongType(mismatch, request)
                    : invalidJson(json, request);
        }
        return ProblemResponses.of(status, Problems.detail(status, request), request);
    }

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return ProblemResponses.of(400, "The request has " + violations.size() + " invalid value(s).", request,
                violations);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, HttpServerRequest request) {
        return ProblemResponses.of(400, "Unknown field \"" + e.getPropertyName() + "\".", request,
                List.of(new Problem.Violation(e.getPropertyName(), "is not a field of this body")));
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof MismatchedInputException mismatch) {
            return wrongType(mismatch, request);
        }
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            String field = duplicate.group(1);
            return ProblemResponses.of(400, "Field \"" + field + "\" appears more than once.", request,
                    List.of(new Problem.Violation(field, "appears more than once")));
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        if (e instanceof StreamConstraintsException) {
            String field = topField(e);
            return ProblemResponses.of(400, (field == null ? "The body" : "Field \"" + field + "\"")
                    + " nests deeper, or holds a longer value, than this service reads" + where + ".", request,
                    field == null ? null : List.of(new Problem.Violation(field, "is nested too deeply or too long")));
        }
        return ProblemResponses.of(400, "The body is not valid JSON for this operation" + where + ".", request);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, HttpServerRequest request) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, request);
        }
        String path = path(e);
        if (path.isEmpty()) {
            return ProblemResponses.of(400, "The body does not have the expected JSON structure.", request);
        }
        return ProblemResponses.of(400, "Field \"" + path + "\" has the wrong type or format.", request,
                List.of(new Problem.Violation(path, "has the wrong type or format")));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return ProblemResponses.of(403, Problems.FORBIDDEN, request);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        return ProblemResponses.of(401, Problems.UNAUTHORIZED, request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (e instanceof IOException && CUT_OFF_MULTIPART.equals(e.getMessage())) {
            // the body ended before the multipart's closing boundary: cut off by its sender (or its connection, and
            // then no one reads the answer)
            return ProblemResponses.of(400, "The multipart body ends before its closing boundary.", request);
        }
        Problems.reportUnexpected(e, request);
        return ProblemResponses.of(500, Problems.unexpected(RequestIds.of(request)), request);
    }

    /** The member of the top-level object the parser was in when it stopped, or null. */
    private static String topField(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return null;
        }
        String field = null;
        for (JsonStreamContext c = parser.getParsingContext(); c != null && c.getParent() != null; c = c.getParent()) {
            if (c.getParent().getParent() == null) {
                field = c.getCurrentName();
            }
        }
        return field;
    }

    /** "order", "sections[0].paragraphs[2]": where in the body the mismatch is. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
    }

    /** "update.speech.title" → "speech.title": the caller knows its parameters, not our method names. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
