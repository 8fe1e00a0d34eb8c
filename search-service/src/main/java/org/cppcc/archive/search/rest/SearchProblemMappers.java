package org.cppcc.archive.search.rest;

import java.io.IOException;

import jakarta.ws.rs.core.Response;

import org.cppcc.archive.contract.ProblemResponses;
import org.cppcc.archive.search.query.QueryParser;
import org.cppcc.archive.search.service.SpeechNotIndexedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;

/**
 * Search's domain failures as problem+json, the one place that gives them a status: input the query language
 * refuses (400, naming q), a speech the index does not hold (404), an index that cannot answer now (503). The shared
 * mappers of {@code org.cppcc.archive.contract} answer everything else.
 */
public class SearchProblemMappers {

    private static final Logger LOG = Logger.getLogger(SearchProblemMappers.class);

    /** Seconds a caller is told to wait when the index cannot answer. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response invalidQuery(QueryParser.InvalidQueryException e, HttpServerRequest request) {
        return ProblemResponses.of(400, "q: " + e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response notIndexed(SpeechNotIndexedException e, HttpServerRequest request) {
        return ProblemResponses.of(404, e.getMessage(), request);
    }

    /**
     * The index could not be read: OpenSearch unreachable, failing or slower than a query may take (a node lost, a
     * manager being elected), or a Lucene read error. A retry may well succeed, so 503 with Retry-After, not 500.
     * JSON bodies that do not parse are IOExceptions too, but the contract's more specific mappers take those.
     */
    @ServerExceptionMapper
    public Response indexUnavailable(IOException e, HttpServerRequest request) {
        LOG.warnf("The search index could not answer %s: %s", request.path(), e.toString());
        return Response.fromResponse(ProblemResponses.of(503, "The search index cannot answer now; retry later.",
                request)).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
