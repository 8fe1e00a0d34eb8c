package org.cppcc.archive.search.rest;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.cppcc.archive.search.index.SearchModel.Filters;
import org.cppcc.archive.search.index.SearchModel.Hit;
import org.cppcc.archive.search.index.SearchModel.Result;
import org.cppcc.archive.search.index.SearchModel.Suggestion;
import org.cppcc.archive.search.query.QueryParser;
import org.cppcc.archive.search.service.SearchService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

/** Full-text search over the speeches, with highlights, facets, suggestions and more-like-this. */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
@Blocking
public class SearchResource {

    static final int MAX_SIZE = 100;
    static final int MAX_WINDOW = 10_000;
    static final int MAX_FILTER_LENGTH = 100;

    /** One page of results; {@code took} in milliseconds. */
    public record SearchResponse(long total, long took, List<Hit> hits, Map<String, Map<String, Long>> facets) {
    }

    public record SuggestResponse(String q, List<Suggestion> suggestions) {
    }

    public record SimilarResponse(long speechId, List<Hit> hits) {
    }

    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @RolesAllowed("reader")
    @Operation(summary = "Search speeches: words, \"quoted phrases\", -exclusion, OR; filters and facets")
    public SearchResponse search(@QueryParam("q") String q, @QueryParam("compilationId") String compilationId,
            @QueryParam("region") String region, @QueryParam("regionCode") String regionCode,
            @QueryParam("level") String level, @QueryParam("committee") String committee,
            @QueryParam("dateFrom") String dateFrom, @QueryParam("dateTo") String dateTo,
            @QueryParam("page") String page, @QueryParam("size") String size) throws IOException {
        long started = System.nanoTime();
        int pageNo = integer("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = integer("size", size, 20, 1, MAX_SIZE);
        if ((long) pageNo * pageSize > MAX_WINDOW) {
            throw new ProblemException(400, "page × size must not exceed " + MAX_WINDOW + "; narrow the query.");
        }
        Filters filters = new Filters(compilationId == null || compilationId.isBlank() ? null
                : (long) longValue("compilationId", compilationId),
                filter("region", region), filter("regionCode", regionCode), filter("level", level),
                filter("committee", committee), date("dateFrom", dateFrom), date("dateTo", dateTo));
        try {
            Result result = search.search(q, filters, pageNo, pageSize);
            long took = (System.nanoTime() - started) / 1_000_000;
            return new SearchResponse(result.total(), took, result.hits(), result.facets());
        } catch (QueryParser.InvalidQueryException e) {
            throw new ProblemException(400, e.getMessage());
        }
    }

    @GET
    @Path("/suggest")
    @RolesAllowed("reader")
    @Operation(summary = "Completions from titles, headings and frequent terms")
    public SuggestResponse suggest(@QueryParam("q") String q, @QueryParam("size") String size) throws IOException {
        if (q == null || q.isBlank()) {
            throw new ProblemException(400, "Parameter q is required.");
        }
        int limit = integer("size", size, 10, 1, 20);
        try {
            return new SuggestResponse(q, search.suggest(q, limit));
        } catch (QueryParser.InvalidQueryException e) {
            throw new ProblemException(400, e.getMessage());
        }
    }

    @GET
    @Path("/similar/{speechId}")
    @RolesAllowed("reader")
    @Operation(summary = "Speeches like this one (more like this)")
    public SimilarResponse similar(@PathParam("speechId") String speechId, @QueryParam("size") String size)
            throws IOException {
        long id = longValue("speechId", speechId);
        int limit = integer("size", size, 5, 1, 20);
        return search.similar(id, limit).map(hits -> new SimilarResponse(id, hits))
                .orElseThrow(() -> new ProblemException(404, "Speech " + id + " is not in the search index."));
    }

    private static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw new ProblemException(400, "Parameter " + name + " must be between " + min + " and " + max + ".");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Parameter " + name + " must be an integer.");
        }
    }

    private static long longValue(String name, String value) {
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 1) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Parameter " + name + " must be a positive integer.");
        }
    }

    private static String filter(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER_LENGTH) {
            throw new ProblemException(400, "Parameter " + name + " is longer than " + MAX_FILTER_LENGTH
                    + " characters.");
        }
        return value.strip();
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "Parameter " + name + " must be a date like 2021-09-28.");
        }
    }
}
