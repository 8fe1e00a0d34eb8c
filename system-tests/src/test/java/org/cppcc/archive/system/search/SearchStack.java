package org.cppcc.archive.system.search;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.cppcc.archive.system.Keycloak;
import org.cppcc.archive.system.SystemUnderTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

/** The running stack as the search tests use it: waits for the feed, reads the seed back. */
final class SearchStack {

    static final ObjectMapper JSON = new ObjectMapper();

    private SearchStack() {
    }

    /** Waits until search-service has indexed at least {@code speeches} and caught up with the feed. */
    static JsonNode awaitIndexed(SystemUnderTest system, int speeches, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            Response response = given().auth().oauth2(Keycloak.portalToken())
                    .get(system.gatewayUrl() + "/api/v1/search/status");
            if (response.statusCode() == 200) {
                status = JSON.readTree(response.asString());
                if (status.path("indexedSpeeches").asLong() >= speeches && status.path("caughtUp").asBoolean()) {
                    return status;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("search-service did not index " + speeches + " speeches within " + bound
                + "; last status: " + status);
    }

    /** Every speech of the archive as document-service exports it (NDJSON, one full speech per line). */
    static List<JsonNode> export(SystemUnderTest system) throws Exception {
        String body = given().auth().oauth2(Keycloak.portalToken())
                .get(system.gatewayUrl() + "/api/v1/export").then().statusCode(200).extract().asString();
        List<JsonNode> speeches = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                speeches.add(JSON.readTree(line));
            }
        }
        return speeches;
    }
}
