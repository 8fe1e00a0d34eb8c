package org.cppcc.archive.stats.rest;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.cppcc.archive.contract.Params;
import org.cppcc.archive.contract.Problem;
import org.cppcc.archive.contract.ProblemException;
import org.cppcc.archive.contract.Roles;
import org.cppcc.archive.stats.api.Coverage;
import org.cppcc.archive.stats.api.Fact;
import org.cppcc.archive.stats.api.Members;
import org.cppcc.archive.stats.api.Overview;
import org.cppcc.archive.stats.api.Page;
import org.cppcc.archive.stats.api.Platforms;
import org.cppcc.archive.stats.api.Scope;
import org.cppcc.archive.stats.api.SpeakerKind;
import org.cppcc.archive.stats.api.Topics;
import org.cppcc.archive.stats.extraction.Category;
import org.cppcc.archive.stats.extraction.Tier;
import org.cppcc.archive.stats.service.CurationService;
import org.cppcc.archive.stats.service.CurationService.Verdict;
import org.cppcc.archive.stats.service.StatsQueries;
import org.cppcc.archive.stats.service.StatsQueries.FactFilter;
import org.cppcc.archive.stats.service.StatsQueries.Rows;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/**
 * The statistics dashboards pull: JSON by default, CSV for every list with {@code Accept: text/csv} (written from
 * the same answer by {@link CsvBodyWriter}). A list's operation documents both representations, JSON first
 * (generated clients type the result by the first).
 */
@Path("/api/v1/stats")
@Tag(name = "stats", description = "Statistics for dashboards (analyst): JSON, or CSV with Accept: text/csv; fact curation (admin)")
@SecurityRequirement(name = "bearer")
@Blocking
public class StatsResource {

    /** The longest {@code q} and {@code region} filters (a sentence's phrase, a division's name). */
    static final int MAX_QUERY = 200;
    static final int MAX_REGION = 100;
    static final int MAX_REGION_CODE = 12;
    /** The longest terms list: 20 terms of 50 characters and their commas, with room for spaces. */
    static final int MAX_TERMS = 1100;
    /** Fact ids are "speech-section-paragraph-n"; anything longer names no fact. */
    static final int MAX_FACT_ID = 100;
    static final String FACT_ID = "fact id, e.g. 4-2-1-0";
    /** The largest figure a correction may state: beyond it a double no longer holds a whole number exactly. */
    static final BigDecimal MAX_VALUE = BigDecimal.TEN.pow(15);

    private static final MediaType CSV = MediaType.valueOf(Csv.MEDIA_TYPE);

    private final StatsQueries queries;
    private final CurationService curation;
    private final SecurityIdentity identity;

    StatsResource(StatsQueries queries, CurationService curation, SecurityIdentity identity) {
        this.queries = queries;
        this.curation = curation;
        this.identity = identity;
    }

    @GET
    @Path("/overview")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ANALYST, Roles.ADMIN })
    @Operation(operationId = "getStatsOverview", summary = "Compilations, speeches (body / outline only / truncated), committees by level, characters, facts by category", description = "Role: analyst.")
    @APIResponse(responseCode = "200", description = "The overview", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Overview overview() {
        return queries.overview();
    }

    @GET
    @Path("/platforms")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @RolesAllowed({ Roles.ANALYST, Roles.ADMIN })
    @Operation(operationId = "getPlatformStats", summary = "Consultation platforms by region, speaker kind and tier, with the facts they come from", description = "Role: analyst. Example: 内江市 镇级协商平台46个、村级平台23个. " + ApiDocs.ROWS + " With Accept: text/csv the same rows come as CSV, all of them unless page or size is given.")
    @APIResponse(responseCode = "200", description = "Platforms per region, speaker kind and tier", content = { @Content(mediaType = ApiDocs.JSON, schema = @Schema(type = SchemaType.OBJECT)), @Content(mediaType = ApiDocs.CSV, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "compilationId is not an integer, an unknown speakerKind, or an invalid page or size", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Platforms platforms(@Parameter(description = "only this compilation", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) @QueryParam("compilationId") String compilationId,
            @Parameter(description = "only this region (its name), e.g. 内江市", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_REGION)) @QueryParam("region") String region,
            @Parameter(description = ApiDocs.SPEAKER_KIND, schema = @Schema(enumeration = { "committee", "party", "federation", "sector", "special-committee", "member" })) @QueryParam("speakerKind") String speakerKind,
            @Parameter(description = "0-based page of the rows", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "100000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "rows a page", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("size") String size,
            @Context HttpHeaders headers) {
        return queries.platforms(scope(compilationId, region, speakerKind), rows(page, size, headers));
    }

    @GET
    @Path("/members")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @RolesAllowed({ Roles.ANALYST, Roles.ADMIN })
    @Operation(operationId = "getMemberStats", summary = "CPPCC members per region and speaker kind, coverage and what they are assigned to", description = "Role: analyst. Example: 1788名委员全部划入10个工作组. " + ApiDocs.ROWS + " With Accept: text/csv the same rows come as CSV, all of them unless page or size is given.")
    @APIResponse(responseCode = "200", description = "Members per region and speaker kind", content = { @Content(mediaType = ApiDocs.JSON, schema = @Schema(type = SchemaType.OBJECT)), @Content(mediaType = ApiDocs.CSV, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "compilationId is not an integer, an unknown speakerKind, or an invalid page or size", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Members members(@Parameter(description = "only this compilation", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) @QueryParam("compilationId") String compilationId,
            @Parameter(description = "only this region (its name), e.g. 内江市", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_REGION)) @QueryParam("region") String region,
            @Parameter(description = ApiDocs.SPEAKER_KIND, schema = @Schema(enumeration = { "committee", "party", "federation", "sector", "special-committee", "member" })) @QueryParam("speakerKind") String speakerKind,
            @Parameter(description = "0-based page of the rows", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "100000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "rows a page", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("size") String size,
            @Context HttpHeaders headers) {
        return queries.members(scope(compilationId, region, speakerKind), rows(page, size, headers));
    }

    @GET
    @Path("/coverage")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @RolesAllowed({ Roles.ANALYST, Roles.ADMIN })
    @Operation(operationId = "getCoverageStats", summary = "Divisions represented by a speaker, per province of the speeches: prefecture-level and county-level, body vs outline only", description = "Role: analyst. The denominators are the GB/T 2260 divisions of each province the speeches' regions lie in. With Accept: text/csv one row per prefecture-level division.")
    @APIResponse(responseCode = "200", description = "Coverage per province and prefecture-level division", content = { @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = Coverage.class)), @Content(mediaType = ApiDocs.CSV, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "compilationId is not an integer, or an unknown speakerKind", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Coverage coverage(@Parameter(description = "only this compilation", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) @QueryParam("compilationId") String compilationId,
            @Parameter(description = ApiDocs.SPEAKER_KIND, schema = @Schema(enumeration = { "committee", "party", "federation", "sector", "special-committee", "member" })) @QueryParam("speakerKind") String speakerKind) {
        return queries.coverage(Params.optionalId("compilationId", compilationId), speakerKind(speakerKind));
    }

    @GET
    @Path("/facts")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @RolesAllowed({ Roles.ANALYST, Roles.ADMIN })
    @Operation(operationId = "listFacts", summary = "Extracted facts with provenance, filtered and paged", description = "Role: analyst. Each fact carries its exact sentence and character offsets. With Accept: text/csv the same rows come as CSV.")
    @APIResponse(responseCode = "200", description = "One page of facts", content = { @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ApiDocs.FactPage.class)), @Content(mediaType = ApiDocs.CSV, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "An invalid category, tier, speakerKind, status, speechId, page or size", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<Fact> facts(
            @Parameter(schema = @Schema(enumeration = { "platform", "member", "body", "staff", "activity", "output", "economic", "other" })) @QueryParam("category") String category,
            @Parameter(schema = @Schema(enumeration = { "city", "county", "township", "village" })) @QueryParam("tier") String tier,
            @Parameter(description = "only this region (its name), e.g. 内江市", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_REGION)) @QueryParam("region") String region,
            @Parameter(description = ApiDocs.SPEAKER_KIND, schema = @Schema(enumeration = { "committee", "party", "federation", "sector", "special-committee", "member" })) @QueryParam("speakerKind") String speakerKind,
            @Parameter(description = "only facts of this speech", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) @QueryParam("speechId") String speechId,
            @Parameter(description = "only facts whose sentence contains this text", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_QUERY)) @QueryParam("q") String q,
            @Parameter(schema = @Schema(enumeration = { "extracted", "confirmed", "corrected", "rejected" })) @QueryParam("status") String status,
            @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("size") String size,
            @Parameter(description = "only facts of speeches with this GB/T 2260 region code", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_REGION_CODE)) @QueryParam("regionCode") String regionCode,
            @Parameter(description = "only facts of this compilation", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) @QueryParam("compilationId") String compilationId,
            @Parameter(description = "true: only the facts a total adds up (not rejected, one figure for the whole rather than for each of several things), as a platforms or members row counts them", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("summed") String summed) {
        FactFilter filter = new FactFilter(Params.oneOf("category", category, Category.values()),
                Params.oneOf("tier", tier, Tier.values()), Params.text("region", region, MAX_REGION),
                Params.text("regionCode", regionCode, MAX_REGION_CODE), speakerKind(speakerKind),
                Params.optionalId("compilationId", compilationId), Params.optionalId("speechId", speechId),
                Params.text("q", q, MAX_QUERY), Params.oneOf("status", status, Fact.Status.values()),
                Boolean.TRUE.equals(Params.optionalBoolean("summed", summed)));
        return queries.facts(filter, Params.integer("page", page, 0, 0, 100_000), Params.integer("size", size, 20, 1, 100));
    }

    @GET
    @Path("/facts/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ANALYST, Roles.ADMIN })
    @Operation(operationId = "getFact", summary = "One extracted fact with its provenance and curation", description = "Role: analyst.")
    @APIResponse(responseCode = "200", description = "The fact", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such fact", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Fact fact(@Parameter(description = FACT_ID, schema = @Schema(type = SchemaType.STRING, maxLength = MAX_FACT_ID)) @PathParam("id") String id) {
        return queries.fact(factId(id)).orElseThrow(() -> new ProblemException(404, "No fact " + id + "."));
    }

    @GET
    @Path("/topics")
    @Produces({ MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE })
    @RolesAllowed({ Roles.ANALYST, Roles.ADMIN })
    @Operation(operationId = "getTopicMentions", summary = "Mentions of each term per speech, region and speaker kind, e.g. terms=有事来协商,双助,提案", description = "Role: analyst. With Accept: text/csv the same rows come as CSV.")
    @APIResponse(responseCode = "200", description = "Mentions per term", content = { @Content(mediaType = ApiDocs.JSON, schema = @Schema(type = SchemaType.OBJECT)), @Content(mediaType = ApiDocs.CSV, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "No terms, too many or too long; compilationId not an integer; an unknown speakerKind", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Topics topics(@Parameter(description = "1 to 20 comma-separated terms of at most 50 characters", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TERMS)) @QueryParam("terms") String terms, @Parameter(description = "only this compilation", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) @QueryParam("compilationId") String compilationId,
            @Parameter(description = ApiDocs.SPEAKER_KIND, schema = @Schema(enumeration = { "committee", "party", "federation", "sector", "special-committee", "member" })) @QueryParam("speakerKind") String speakerKind) {
        // how many terms and how long each is are checked first, in the terms' own words; then the whole length
        terms = Params.required("terms", Params.text("terms", terms, Integer.MAX_VALUE),
                "a comma-separated list, e.g. terms=有事来协商,双助.");
        List<String> list = Arrays.stream(terms.split("[,，]")).map(String::strip).filter(t -> !t.isEmpty()).distinct()
                .toList();
        if (list.isEmpty() || list.size() > 20 || list.stream().anyMatch(t -> t.length() > 50)) {
            throw new ProblemException(400, "terms must name 1 to 20 terms of at most 50 characters.");
        }
        Params.text("terms", terms, MAX_TERMS);
        return queries.topics(list, Params.optionalId("compilationId", compilationId), speakerKind(speakerKind));
    }

    /** The fact id as sent: one longer than any fact's names none (and is not echoed back). */
    private static String factId(String raw) {
        if (raw.length() > MAX_FACT_ID) {
            throw new ProblemException(404, "No fact has an id of more than " + MAX_FACT_ID + " characters.");
        }
        return raw;
    }

    /** An admin's verdict on one fact. */
    public record CurationRequest(
            @NotNull @Size(max = 20) @Pattern(regexp = "confirm|correct|reject", message = "must be confirm, correct or reject") String action,
            BigDecimal value, @Size(max = 20) String unit, @Size(max = 100) String subject,
            @Size(max = 20) @Pattern(regexp = "platform|member|body|staff|activity|output|economic|other", message = "must be a known category") String category,
            @Size(max = 20) @Pattern(regexp = "city|county|township|village", message = "must be city, county, township or village") String tier,
            @Size(max = 1000) String note) {
    }

    @PUT
    @Path("/facts/{id}/curation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "curateFact", summary = "Confirm, correct or reject a fact; survives re-extraction while its sentence remains", description = "Role: admin.")
    @RequestBody(required = true, content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = CurationRequest.class)))
    @APIResponse(responseCode = "200", description = "The curated fact", content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "Invalid action or fields (listed in violations), or a correction that changes nothing", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such fact", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not JSON", content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Fact curate(@Parameter(description = FACT_ID, schema = @Schema(type = SchemaType.STRING, maxLength = MAX_FACT_ID)) @PathParam("id") String id, @Valid @NotNull CurationRequest request) {
        Verdict verdict = new Verdict(Fact.Action.valueOf(request.action()), request.value(), request.unit(),
                request.subject(), request.category() == null ? null : Category.valueOf(request.category()),
                request.tier() == null ? null : Tier.valueOf(request.tier()), request.note());
        if (verdict.changesNothing()) {
            throw new ProblemException(400, "A correction must change at least one of value, unit, subject, category, tier.");
        }
        if (request.value() != null && request.value().abs().compareTo(MAX_VALUE) > 0) {
            throw new ProblemException(400, "value must be between -" + MAX_VALUE.toPlainString() + " and "
                    + MAX_VALUE.toPlainString() + ".");
        }
        return curation.curate(factId(id), verdict, identity.getPrincipal().getName())
                .orElseThrow(() -> new ProblemException(404, "No fact " + id + "."));
    }

    /**
     * The rows a platforms or members answer shows: the page asked, else the first 20 as JSON and every row as CSV
     * (whose rows carry no facts, so they stay small, and which has nowhere to say that more rows exist).
     */
    private static Rows rows(String page, String size, HttpHeaders headers) {
        if (page == null && size == null && csv(headers)) {
            return Rows.ALL;
        }
        return new Rows(Params.integer("page", page, 0, 0, 100_000), Params.integer("size", size, 20, 1, 100));
    }

    /** Whether the answer is written as CSV: the first acceptable type that one of the two matches decides. */
    private static boolean csv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(CSV)) {
                return true;
            }
        }
        return false;
    }

    private static Scope scope(String compilationId, String region, String speakerKind) {
        return new Scope(Params.optionalId("compilationId", compilationId), Params.text("region", region, MAX_REGION),
                speakerKind(speakerKind));
    }

    private static SpeakerKind speakerKind(String value) {
        return Params.oneOf("speakerKind", value, SpeakerKind::fromValue,
                Arrays.stream(SpeakerKind.values()).map(SpeakerKind::value).toList());
    }
}
