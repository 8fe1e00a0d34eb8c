package org.cppcc.archive.document.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.cppcc.archive.contract.Problem;
import org.cppcc.archive.contract.ProblemResponses;
import org.cppcc.archive.document.parsing.CompilationFormatException;
import org.cppcc.archive.document.service.InvalidReferenceException;
import org.cppcc.archive.document.service.SpeechGoneException;
import org.cppcc.archive.document.service.SpeechNotFoundException;
import org.cppcc.archive.document.service.UnreadableContentException;
import org.cppcc.archive.document.service.UnsupportedFileTypeException;
import org.cppcc.archive.document.service.VersionMismatchException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;

/**
 * This service's domain exceptions as problem+json; the shared mappers of {@code org.cppcc.archive.contract} answer
 * everything else (JSON, validation, security, the catch-all).
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response unparsable(CompilationFormatException e, HttpServerRequest request) {
        return ProblemResponses.of(400, e.getMessage(), request, null, e.line());
    }

    @ServerExceptionMapper
    public Response speechNotFound(SpeechNotFoundException e, HttpServerRequest request) {
        return ProblemResponses.of(404, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response speechGone(SpeechGoneException e, HttpServerRequest request) {
        return ProblemResponses.of(410, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response stale(VersionMismatchException e, HttpServerRequest request) {
        return ProblemResponses.of(412, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response invalidReference(InvalidReferenceException e, HttpServerRequest request) {
        return ProblemResponses.of(400, e.getMessage(), request,
                List.of(new Problem.Violation(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response unreadable(UnreadableContentException e, HttpServerRequest request) {
        return ProblemResponses.of(400, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response unsupportedType(UnsupportedFileTypeException e, HttpServerRequest request) {
        return ProblemResponses.of(415, e.getMessage(), request);
    }
}
