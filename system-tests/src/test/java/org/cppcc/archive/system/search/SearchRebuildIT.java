package org.cppcc.archive.system.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.cppcc.archive.system.Keycloak;
import org.cppcc.archive.system.SystemUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Rebuild through the gateway (admin only) while searches keep answering; a restart resumes at the cursor. */
class SearchRebuildIT {

    private static SystemUnderTest system;

    @BeforeAll
    static void start() throws Exception {
        system = SystemUnderTest.get();
        SearchStack.awaitIndexed(system, 12, Duration.ofSeconds(120));
    }

    @Test
    void anAdminRebuildsWhileSearchesKeepAnswering() throws Exception {
        JsonNode before = status();
        given().auth().oauth2(Keycloak.portalToken()).post(system.gatewayUrl() + "/api/v1/search/index/rebuild")
                .then().statusCode(403);
        given().auth().oauth2(Keycloak.opsToken()).post(system.gatewayUrl() + "/api/v1/search/index/rebuild")
                .then().statusCode(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode after = null;
        while (System.nanoTime() < deadline) {
            given().auth().oauth2(Keycloak.portalToken()).queryParam("q", "双助")
                    .get(system.gatewayUrl() + "/api/v1/search").then().statusCode(200);
            after = status();
            if (!after.path("rebuilding").asBoolean() && after.path("lastRebuild").asText().startsWith("completed")) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(after != null && after.path("lastRebuild").asText().startsWith("completed"), String.valueOf(after));
        assertEquals(before.path("indexedSpeeches").asLong(), after.path("indexedSpeeches").asLong());
        assertTrue(after.path("feedCursor").asLong() >= before.path("feedCursor").asLong());
    }

    @Test
    void aRestartResumesAtTheCommittedCursor() throws Exception {
        JsonNode before = SearchStack.awaitIndexed(system, 12, Duration.ofSeconds(60));
        system.stop("search-service");
        system.start("search-service");
        JsonNode after = SearchStack.awaitIndexed(system, 12, Duration.ofSeconds(60));
        assertEquals(before.path("indexedSpeeches").asLong(), after.path("indexedSpeeches").asLong());
        assertTrue(after.path("feedCursor").asLong() >= before.path("feedCursor").asLong());
        given().auth().oauth2(Keycloak.portalToken()).queryParam("q", "有事来协").get(system.gatewayUrl()
                + "/api/v1/search").then().statusCode(200);
    }

    private static JsonNode status() throws Exception {
        return SearchStack.JSON.readTree(given().auth().oauth2(Keycloak.portalToken())
                .get(system.gatewayUrl() + "/api/v1/search/status").then().statusCode(200).extract().asString());
    }
}
