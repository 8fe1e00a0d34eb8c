package org.cppcc.archive.search.rest;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.cppcc.archive.contract.Params;
import org.cppcc.archive.contract.Problem;
import org.cppcc.archive.contract.ProblemException;
import org.cppcc.archive.contract.Roles;
import org.cppcc.archive.search.model.Filters;
import org.cppcc.archive.search.model.Hit;
import org.cppcc.archive.search.model.SearchResult;
import org.cppcc.archive.search.model.Suggestion;
import org.cppcc.archive.search.service.SearchService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

/** Full-text search over the speeches, with highlights, facets, suggestions and more-like-this. */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search", description = "Full-text search over the speeches (Chinese analysis), with highlights and facets")
@SecurityRequirement(name = "bearer")
@Blocking
public class SearchResource {

    static final int MAX_SIZE = 100;
    static final int MAX_WINDOW = 10_000;
    static final int MAX_FILTER_LENGTH = 100;
    /** Every level document-service gives a region (the five of the seed's committees first). */
    static final List<String> LEVELS = List.of("prefecture-city", "autonomous-prefecture", "district",
            "county-level-city", "county", "province", "municipality", "autonomous-region", "prefecture", "league",
            "banner");
    static final List<String> SPEAKER_KINDS = List.of("committee", "party", "federation", "sector",
            "special-committee", "member");

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
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "searchSpeeches", summary = "Search speeches: words, \"quoted phrases\", -exclusion, OR; filters and facets", description = "Role: reader. Example: q=有事来协商 region=南充市. page × size must not exceed 10000.")
    @APIResponse(responseCode = "200", description = "One page of hits with highlights and facet counts", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SearchResponse.class)))
    @APIResponse(responseCode = "400", description = "An invalid query, filter, date, page or size", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public SearchResponse search(@Parameter(description = "the query, e.g. 有事来协商 or \"委员履职\" -疫情", schema = @Schema(type = SchemaType.STRING, maxLength = SearchService.MAX_QUERY_LENGTH)) @QueryParam("q") String q, @Parameter(description = "only this compilation", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("compilationId") String compilationId, @Parameter(description = "only this region, e.g. 成都市", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_FILTER_LENGTH)) @QueryParam("region") String region, @Parameter(description = "only this division code, e.g. 510100", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_FILTER_LENGTH)) @QueryParam("regionCode") String regionCode, @Parameter(description = "only this level of committee", schema = @Schema(enumeration = { "province", "municipality", "autonomous-region", "prefecture-city", "autonomous-prefecture", "prefecture", "league", "district", "county-level-city", "county", "banner" })) @QueryParam("level") String level, @Parameter(description = "only this committee, e.g. 政协成都市委员会", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_FILTER_LENGTH)) @QueryParam("committee") String committee, @Parameter(description = "only speeches of this kind of speaker (a speech without one is a committee's)", schema = @Schema(enumeration = { "committee", "party", "federation", "sector", "special-committee", "member" })) @QueryParam("speakerKind") String speakerKind, @Parameter(description = "meetings on or after this date, e.g. 2021-09-01", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("dateFrom") String dateFrom, @Parameter(description = "meetings on or before this date", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("dateTo") String dateTo, @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")) @QueryParam("page") String page, @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("size") String size) throws IOException {
        long started = System.nanoTime();
        int pageNo = Params.integer("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = Params.integer("size", size, 20, 1, MAX_SIZE);
        if ((long) pageNo * pageSize > MAX_WINDOW) {
            throw new ProblemException(400, "page × size must not exceed " + MAX_WINDOW + "; narrow the query.");
        }
        Filters filters = new Filters(Params.optionalId("compilationId", compilationId),
                Params.text("region", region, MAX_FILTER_LENGTH), Params.text("regionCode", regionCode, MAX_FILTER_LENGTH), Params.oneOf("level", level, LEVELS),
                Params.text("committee", committee, MAX_FILTER_LENGTH), Params.oneOf("speakerKind", speakerKind, SPEAKER_KINDS),
                Params.date("dateFrom", dateFrom), Params.date("dateTo", dateTo));
        SearchResult result = search.search(q, filters, pageNo, pageSize);
        long took = (System.nanoTime() - started) / 1_000_000;
        return new SearchResponse(result.total(), took, result.hits(), result.facets());
    }

    @GET
    @Path("/suggest")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "suggestSearchTerms", summary = "Completions from titles, headings and frequent terms", description = "Role: reader.")
    @APIResponse(responseCode = "200", description = "Completions", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SuggestResponse.class)))
    @APIResponse(responseCode = "400", description = "No q, or an invalid size", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public SuggestResponse suggest(@Parameter(description = "the beginning typed so far, e.g. 有事", schema = @Schema(type = SchemaType.STRING, maxLength = SearchService.MAX_SUGGEST_LENGTH)) @QueryParam("q") String q, @Parameter(description = "at most this many", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "20", defaultValue = "10")) @QueryParam("size") String size) throws IOException {
        Params.required("q", q);
        int limit = Params.integer("size", size, 10, 1, 20);
        return new SuggestResponse(q, search.suggest(q, limit));
    }

    @GET
    @Path("/similar/{speechId}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "findSimilarSpeeches", summary = "Speeches like this one (more like this)", description = "Role: reader.")
    @APIResponse(responseCode = "200", description = "Similar speeches, best first", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = SimilarResponse.class)))
    @APIResponse(responseCode = "400", description = "The speech id is not a positive integer", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The speech is not in the index", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public SimilarResponse similar(@Parameter(description = "speech id", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @PathParam("speechId") String speechId, @Parameter(description = "at most this many", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "20", defaultValue = "5")) @QueryParam("size") String size)
            throws IOException {
        long id = Params.id("speechId", speechId);
        int limit = Params.integer("size", size, 5, 1, 20);
        return new SimilarResponse(id, search.similar(id, limit));
    }
}
