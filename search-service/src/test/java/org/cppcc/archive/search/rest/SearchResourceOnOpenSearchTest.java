package org.cppcc.archive.search.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.cppcc.archive.contract.Problem;
import org.cppcc.archive.search.index.TestOpenSearch;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same HTTP contract with the service configured for OpenSearch ({@code search.backend=opensearch}). */
@QuarkusTest
@EnabledIfSystemProperty(named = "opensearch", matches = "true", disabledReason = "the OpenSearch backend is tested"
        + " with -Dopensearch=true, a test command of its own (README, \"Scaling out\")")
@TestProfile(OpenSearchIndexProfile.class)
class SearchResourceOnOpenSearchTest extends SearchResourceTest {

    @ConfigProperty(name = "search.opensearch.index")
    String alias;

    @Test
    void anIndexOpenSearchCannotReadIsA503ToRetryThenAnswersAgain() throws Exception {
        String index = new ObjectMapper().readTree(openSearch("GET", "/_alias/" + alias)).fieldNames().next();
        openSearch("POST", "/" + index + "/_close");
        try {
            given().auth().oauth2(Tokens.portal()).queryParam("q", "双助").get("/api/v1/search")
                    .then().statusCode(503).contentType(Problem.MEDIA_TYPE).body("status", is(503))
                    .header("Retry-After", notNullValue());
        } finally {
            openSearch("POST", "/" + index + "/_open");
            openSearch("GET", "/_cluster/health/" + index + "?wait_for_status=yellow&timeout=60s");
        }
        given().auth().oauth2(Tokens.portal()).queryParam("q", "双助").get("/api/v1/search")
                .then().statusCode(200).body("total", is(2));
    }

    private static String openSearch(String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(TestOpenSearch.urls().get(0) + path)).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), method + " " + path + ": " + answer.body());
        return answer.body();
    }
}
