package org.cppcc.archive.contract;

import java.util.List;

import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;

/** Problem+json as a JAX-RS response: what every exception mapper, shared or a service's own, answers with. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(int status, String detail, HttpServerRequest request) {
        return of(status, detail, request, null, null);
    }

    public static Response of(int status, String detail, HttpServerRequest request,
            List<Problem.Violation> violations) {
        return of(status, detail, request, violations, null);
    }

    /** {@code line} is the 1-based line of an import that does not parse, or null. */
    public static Response of(int status, String detail, HttpServerRequest request,
            List<Problem.Violation> violations, Integer line) {
        Problem problem = Problems.of(request, status, detail, violations, line);
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (status == 401) {
            response.header("WWW-Authenticate", Problems.CHALLENGE);
        }
        return response.build();
    }
}
