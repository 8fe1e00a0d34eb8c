package org.cppcc.archive.system.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.cppcc.archive.client.ApiClient;
import org.cppcc.archive.client.ApiException;
import org.cppcc.archive.client.api.CompilationsApi;
import org.cppcc.archive.client.api.SearchApi;
import org.cppcc.archive.client.api.SearchApi.APISearchSpeechesRequest;
import org.cppcc.archive.client.api.SpeechesApi;
import org.cppcc.archive.client.api.SpeechesApi.APIListSpeechesRequest;
import org.cppcc.archive.client.api.StatsApi;
import org.cppcc.archive.client.api.StatsApi.APIGetPlatformStatsRequest;
import org.cppcc.archive.client.model.GatewayProblem;
import org.cppcc.archive.client.model.Hit;
import org.cppcc.archive.client.model.Problem;
import org.cppcc.archive.client.model.SearchResponse;
import org.cppcc.archive.client.model.SearchStatus;
import org.cppcc.archive.client.model.SpeechItem;
import org.cppcc.archive.client.model.SpeechPage;
import org.cppcc.archive.client.model.StatsStatus;
import org.cppcc.archive.system.Keycloak;
import org.cppcc.archive.system.SystemUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java client that api-client generates from the build-time merged OpenAPI document, used as integrators use it:
 * through the gateway with client-credentials tokens from the real Keycloak, a portal (reader) reading and searching
 * the seed compilation, a dashboard (analyst) pulling its statistics. Errors reach the caller as an
 * {@link ApiException} carrying the problem+json answer.
 */
class GeneratedClientIT {

    private static SystemUnderTest system;
    private static int seedCompilationId;

    @BeforeAll
    static void start() throws Exception {
        system = SystemUnderTest.get();
        seedCompilationId = new CompilationsApi(client(Keycloak.portalToken())).listCompilations(0, 100).getItems()
                .stream().mapToInt(c -> c.getId().intValue()).min().orElseThrow();
    }

    /** A client of the gateway that sends {@code token} as its bearer token, or no token when it is null. */
    static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(system.gatewayUrl());
        client.setReadTimeout(Duration.ofSeconds(30));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private static APIListSpeechesRequest.Builder seedSpeeches() {
        return APIListSpeechesRequest.newBuilder().compilationId(seedCompilationId);
    }

    @Test
    void aPortalPagesThroughTheSeedSpeeches() throws ApiException {
        SpeechesApi speeches = new SpeechesApi(client(Keycloak.portalToken()));
        SpeechPage first = speeches.listSpeeches(seedSpeeches().page(0).size(5).sort("order").build());
        assertEquals(0, first.getPage());
        assertEquals(5, first.getSize());
        assertTrue(first.getTotal() >= 12, "the seed's twelve speeches: " + first.getTotal());
        assertEquals(List.of(1, 2, 3, 4, 5), first.getItems().stream().map(SpeechItem::getOrder).toList());
        SpeechItem chengdu = first.getItems().get(0);
        assertEquals("夯实履职基础提升履职质效", chengdu.getTitle());
        assertEquals("政协成都市委员会", chengdu.getCommittee());
        assertEquals("成都市", chengdu.getRegion());
        assertTrue(chengdu.getBodyAvailable());

        SpeechPage second = speeches.listSpeeches(seedSpeeches().page(1).size(5).sort("order").build());
        assertEquals(1, second.getPage());
        assertEquals(List.of(6, 7, 8, 9, 10), second.getItems().stream().map(SpeechItem::getOrder).toList());
        assertTrue(second.getItems().get(0).getTruncated(), "speech 6 is cut off mid-sentence");
        assertFalse(second.getItems().get(1).getBodyAvailable(), "speech 7 has only an outline");

        SpeechPage neijiang = speeches.listSpeeches(seedSpeeches().region("内江市").build());
        assertEquals(1, neijiang.getTotal());
        assertEquals("政协内江市委员会", neijiang.getItems().get(0).getCommittee());
    }

    @Test
    void aPortalSearchesTheSeed() throws Exception {
        SearchApi search = new SearchApi(client(Keycloak.portalToken()));
        awaitIndexed(search);
        SearchResponse found = search.searchSpeeches(APISearchSpeechesRequest.newBuilder().q("有事来协商")
                .compilationId(seedCompilationId).size(10).build());
        assertTrue(found.getTotal() >= 2, "hits: " + found.getTotal());
        Hit neijiang = found.getHits().stream().filter(h -> h.getOrder() == 4).findFirst()
                .orElseThrow(() -> new AssertionError("内江's speech is not among the hits: " + found.getHits()));
        assertEquals("政协内江市委员会", neijiang.getCommittee());
        assertTrue(neijiang.getHighlights().stream().anyMatch(h -> h.getFragment().contains("<em>")),
                neijiang.getHighlights().toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDashboardPullsPlatformsAndTheOverview() throws Exception {
        StatsApi stats = new StatsApi(client(Keycloak.dashboardToken()));
        long live = new SpeechesApi(client(Keycloak.portalToken()))
                .listSpeeches(APIListSpeechesRequest.newBuilder().size(1).build()).getTotal();
        awaitCaughtUp(stats, live);
        // The JSON objects of these operations are untyped in the document, so the client answers maps.
        Map<String, Object> platforms = (Map<String, Object>) stats.getPlatformStats(APIGetPlatformStatsRequest
                .newBuilder().compilationId((long) seedCompilationId).region("内江市").build());
        List<Map<String, Object>> regions = (List<Map<String, Object>>) platforms.get("regions");
        assertEquals(1, regions.size(), platforms.toString());
        assertEquals("511000", regions.get(0).get("regionCode"));
        Map<String, Object> tiers = (Map<String, Object>) regions.get(0).get("tiers");
        assertEquals(5, tiers.get("county"), tiers.toString());
        assertEquals(46, tiers.get("township"), tiers.toString());
        assertEquals(23, tiers.get("village"), tiers.toString());

        Map<String, Object> overview = (Map<String, Object>) stats.getStatsOverview();
        assertTrue(((Number) overview.get("compilations")).intValue() >= 1, overview.toString());
        Map<String, Object> speeches = (Map<String, Object>) overview.get("speeches");
        assertEquals(live, ((Number) speeches.get("total")).longValue(), "stats holds every live speech: " + overview);
        assertTrue(((Number) ((Map<String, Object>) overview.get("factsByCategory")).get("platform")).intValue() > 0);
    }

    @Test
    void aMissingRoleOrTokenIsAnApiExceptionWithProblemJson() throws Exception {
        ApiException forbidden = assertThrows(ApiException.class,
                () -> new StatsApi(client(Keycloak.portalToken())).getStatsOverview());
        assertProblem(forbidden, 403);

        ApiException unauthorized = assertThrows(ApiException.class,
                () -> new SpeechesApi(client(null)).listSpeeches(APIListSpeechesRequest.newBuilder().build()));
        assertProblem(unauthorized, 401);
    }

    @Test
    void badInputIsA400WithTheServicesProblem() throws Exception {
        ApiClient portal = client(Keycloak.portalToken());
        ApiException badSort = assertThrows(ApiException.class, () -> new SpeechesApi(portal)
                .listSpeeches(APIListSpeechesRequest.newBuilder().sort("shoeSize").build()));
        assertEquals(400, badSort.getCode(), badSort.getResponseBody());
        assertEquals("application/problem+json", contentType(badSort));
        Problem problem = portal.getObjectMapper().readValue(badSort.getResponseBody(), Problem.class);
        assertEquals(400, problem.getStatus());
        assertFalse(problem.getRequestId().isBlank());
    }

    private static void assertProblem(ApiException e, int status) throws Exception {
        assertEquals(status, e.getCode(), e.getResponseBody());
        assertEquals("application/problem+json", contentType(e));
        GatewayProblem problem = client(null).getObjectMapper().readValue(e.getResponseBody(), GatewayProblem.class);
        assertEquals(status, problem.getStatus());
        assertFalse(problem.getTitle().isBlank());
        assertFalse(problem.getRequestId().isBlank());
        assertEquals(problem.getRequestId(), e.getResponseHeaders().firstValue("X-Request-Id").orElse(null));
    }

    private static String contentType(ApiException e) {
        return e.getResponseHeaders().firstValue("Content-Type").orElse("").replaceAll(";.*", "").strip();
    }

    /** Waits (through the client) until search-service has indexed the seed and caught up with the feed. */
    private static void awaitIndexed(SearchApi search) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            SearchStatus status = search.getSearchStatus();
            if (status.getIndexedSpeeches() >= 12 && Boolean.TRUE.equals(status.getCaughtUp())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("search-service did not index the seed: " + status);
            }
            Thread.sleep(250);
        }
    }

    /** Waits (through the client) until stats-service has applied the whole change feed: all {@code live} speeches. */
    private static void awaitCaughtUp(StatsApi stats, long live) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            StatsStatus status = stats.getStatsStatus();
            if (Boolean.TRUE.equals(status.getCaughtUp()) && status.getLagChanges() == 0 && status.getSpeeches() == live) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("stats-service did not catch up: " + status);
            }
            Thread.sleep(250);
        }
    }
}
