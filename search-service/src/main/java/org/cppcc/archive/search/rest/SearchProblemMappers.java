package org.cppcc.archive.search.rest;

import jakarta.ws.rs.core.Response;

import org.cppcc.archive.contract.ProblemResponses;
import org.cppcc.archive.search.query.QueryParser;
import org.cppcc.archive.search.service.SpeechNotIndexedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;

/**
 * Search's domain failures as problem+json, the one place that gives them a status: input the query language
 * refuses (400, naming q), a speech the index does not hold (404). The shared mappers of
 * {@code org.cppcc.archive.contract} answer everything else.
 */
public class SearchProblemMappers {

    @ServerExceptionMapper
    public Response invalidQuery(QueryParser.InvalidQueryException e, HttpServerRequest request) {
        return ProblemResponses.of(400, "q: " + e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response notIndexed(SpeechNotIndexedException e, HttpServerRequest request) {
        return ProblemResponses.of(404, e.getMessage(), request);
    }
}
