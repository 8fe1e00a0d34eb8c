package org.cppcc.archive.stats.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import jakarta.inject.Inject;

import org.cppcc.archive.contract.Problem;
import org.cppcc.archive.stats.change.ChangeItem;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Values a hostile or careless client sends: every one is a 400 (or 404) problem+json naming the parameter, never a
 * 500, in JSON and in CSV, and a refused curation stores nothing.
 */
@QuarkusTest
class HostileParametersTest {

    @Inject
    StatsRepository repository;
    @Inject
    org.cppcc.archive.stats.service.ChangeApplier applier;

    String analyst;

    @BeforeEach
    void seed() throws Exception {
        repository.reset();
        for (ChangeItem change : SeedSpeeches.changes(1)) {
            applier.apply(change);
        }
        analyst = StatsResourceTest.analyst();
    }

    RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    void refused(String path, String param, String value, String detail) {
        for (String accept : new String[] { "application/json", "text/csv" }) {
            as(analyst).accept(accept).queryParam(param, value).get("/api/v1/stats/" + path).then().statusCode(400)
                    .contentType(startsWith(Problem.MEDIA_TYPE)).body("status", equalTo(400))
                    .body("detail", startsWith(detail)).body(org.hamcrest.Matchers.not(containsString("Exception")));
        }
    }

    @Test
    void controlCharactersInTextFiltersAreRefused() {
        refused("facts", "q", "平台\u0000", "q must not contain control characters");
        refused("facts", "q", "\u0000", "q must not contain control characters");
        refused("topics", "terms", "双助,提\u0000案", "terms must not contain control characters");
        refused("facts", "region", "内江\u0000市", "region must not contain control characters");
        refused("platforms", "region", "内江\u0007市", "region must not contain control characters");
        refused("members", "region", "\u001b", "region must not contain control characters");
    }

    @Test
    void overlongTextFiltersAreRefused() {
        refused("facts", "q", "平".repeat(201), "q must be at most 200 characters");
        refused("facts", "region", "市".repeat(101), "region must be at most 100 characters");
        refused("platforms", "region", "市".repeat(101), "region must be at most 100 characters");
        refused("topics", "terms", "双".repeat(51), "terms must name 1 to 20 terms of at most 50 characters");
        refused("topics", "terms", ",".repeat(2000), "terms must name 1 to 20 terms");
        refused("facts", "q", "a".repeat(100_000), "q must be at most 200 characters");
        refused("topics", "terms", String.join(",", java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "t" + i)
                .toList()), "terms must name 1 to 20 terms");
        as(analyst).queryParam("q", "平".repeat(200)).get("/api/v1/stats/facts").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void enumFiltersNameTheParameterAndTheAllowedValues() {
        refused("facts", "category", "not-a-level", "category must be one of [platform, member, body, staff");
        refused("facts", "tier", "not-a-level", "tier must be one of [city, county, township, village]");
        refused("facts", "status", "not-a-level", "status must be one of [extracted, confirmed, corrected, rejected]");
        refused("facts", "tier", "Village", "tier must be one of");
        for (String path : new String[] { "facts", "platforms", "members", "coverage" }) {
            refused(path, "speakerKind", "not-a-level", "speakerKind must be one of [committee, party");
        }
        as(analyst).queryParam("speakerKind", "not-a-level").queryParam("terms", "双助").get("/api/v1/stats/topics")
                .then().statusCode(400).contentType(startsWith(Problem.MEDIA_TYPE));
    }

    @Test
    void numbersOutOfRangeAreRefused() {
        for (String size : new String[] { "-1", "0", "101", "1e3", "2147483648", "-9223372036854775809", "1.5" }) {
            refused("facts", "size", size, "size must be");
        }
        for (String page : new String[] { "-1", "100001", "9223372036854775808", "x" }) {
            refused("facts", "page", page, "page must be");
        }
        refused("facts", "speechId", "9223372036854775808", "speechId must be a positive integer");
        refused("facts", "speechId", "1e309", "speechId must be a positive integer");
        for (String path : new String[] { "platforms", "members", "coverage" }) {
            refused(path, "compilationId", "-9223372036854775809", "compilationId must be a positive integer");
            refused(path, "compilationId", "\u0000", "compilationId must be a positive integer");
        }
        as(analyst).queryParam("size", "100").queryParam("page", "100000").get("/api/v1/stats/facts").then()
                .statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(37));
        refused("facts", "speechId", "-1", "speechId must be a positive integer");
    }

    @Test
    void oddFactIdsAreNotFound() {
        as(analyst).urlEncodingEnabled(false).get("/api/v1/stats/facts/a%00b").then().statusCode(404)
                .contentType(startsWith(Problem.MEDIA_TYPE));
        as(analyst).get("/api/v1/stats/facts/" + "f".repeat(2000)).then().statusCode(404)
                .contentType(startsWith(Problem.MEDIA_TYPE));
        as(StatsResourceTest.token("ops", "ops-dev-secret")).urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body(Map.of("action", "reject")).put("/api/v1/stats/facts/a%00b/curation").then().statusCode(404)
                .contentType(startsWith(Problem.MEDIA_TYPE));
    }

    @Test
    void aCorrectionBeyondWhatAFigureHoldsIsRefusedAndStoresNothing() {
        String admin = StatsResourceTest.token("ops", "ops-dev-secret");
        String id = as(analyst).queryParam("q", "162万袋").get("/api/v1/stats/facts").then().statusCode(200)
                .extract().path("items.find { it.text == '162万袋' }.id");
        for (String value : new String[] { "1e309", "-1e309", "1e16", "1000000000000001" }) {
            as(admin).contentType(ContentType.JSON).body("{\"action\": \"correct\", \"value\": " + value + "}")
                    .put("/api/v1/stats/facts/" + id + "/curation").then().statusCode(400)
                    .contentType(startsWith(Problem.MEDIA_TYPE)).body("detail", startsWith("value must be between"));
        }
        as(analyst).get("/api/v1/stats/facts/" + id).then().statusCode(200).body("status", equalTo("extracted"))
                .body("value", equalTo(1620000)).body("curation", org.hamcrest.Matchers.nullValue());
        as(admin).contentType(ContentType.JSON).body("{\"action\": \"correct\", \"value\": 1000000000000000}")
                .put("/api/v1/stats/facts/" + id + "/curation").then().statusCode(200)
                .body("status", equalTo("corrected")).body("extracted.value", equalTo(1620000));
    }
}
