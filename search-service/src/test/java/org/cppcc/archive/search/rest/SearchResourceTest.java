package org.cppcc.archive.search.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;

import java.io.IOException;
import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;

import org.cppcc.archive.contract.Problem;
import org.cppcc.archive.search.index.SpeechIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The HTTP contract of search: roles allowed and refused, parameters, hostile input, highlights. */
@QuarkusTest
@TestProfile(FreshIndexProfile.class)
class SearchResourceTest {

    @Inject
    SpeechIndex index;

    @BeforeEach
    void feed() throws IOException {
        SearchTestData.seed(index);
    }

    @Test
    void withoutATokenSearchIsRefused() {
        given().queryParam("q", "双助").get("/api/v1/search")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE).body("status", is(401));
        given().post("/api/v1/search/index/rebuild").then().statusCode(401);
    }

    @Test
    void aReaderSearchesWithHighlightsAndFacets() {
        given().auth().oauth2(Tokens.portal()).queryParam("q", "雙助").get("/api/v1/search")
                .then().statusCode(200)
                .body("total", is(2))
                .body("took", greaterThanOrEqualTo(0))
                .body("hits.speechId", hasItem(12))
                .body("hits[0].highlights[0].field", is("title"))
                .body("hits[0].highlights[0].fragment", containsString("<em>双助</em>"))
                .body("facets.region.'巴中市'", is(1))
                .body("facets.level.county", is(1))
                .body("facets.compilation.'1'", is(2))
                .body("facets.committee", notNullValue());
    }

    @Test
    void substringsFiltersAndEscaping() {
        given().auth().oauth2(Tokens.portal()).queryParam("q", "有事来协").get("/api/v1/search")
                .then().statusCode(200).body("hits[0].speechId", is(11)).body("hits.speechId", hasItem(4));
        given().auth().oauth2(Tokens.portal()).queryParam("q", "双助").queryParam("level", "county")
                .queryParam("dateFrom", "2021-09-01").queryParam("dateTo", "2021-09-30")
                .get("/api/v1/search").then().statusCode(200).body("total", is(1)).body("hits[0].speechId", is(12));
        given().auth().oauth2(Tokens.portal()).queryParam("q", "白酒").get("/api/v1/search")
                .then().statusCode(200)
                .body("hits[0].highlights.find { it.field == 'paragraph' }.fragment",
                        containsString("&lt;script&gt;"))
                .body("hits[0].highlights.find { it.field == 'paragraph' }.sectionIndex", is(1))
                .body("hits[0].highlights.find { it.field == 'paragraph' }.paragraphIndex", is(0));
    }

    @Test
    void hostileInputIsPlainTextOrA400NeverA500() {
        for (String q : List.of("title:*", "*:*", "\"unbalanced", "a\\b\\", "😀😀", "((a", "-", "OR OR", "~!@#$%^&*",
                "<script>", "AND NOT", "\u0000")) {
            given().auth().oauth2(Tokens.portal()).queryParam("q", q).get("/api/v1/search")
                    .then().statusCode(200).body("total", greaterThanOrEqualTo(0));
        }
        given().auth().oauth2(Tokens.portal()).queryParam("q", "协".repeat(10_000)).get("/api/v1/search")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("detail", containsString("200"));
        given().auth().oauth2(Tokens.portal()).queryParam("q", "a ".repeat(40)).get("/api/v1/search")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void pagingIsBounded() {
        given().auth().oauth2(Tokens.portal()).queryParam("size", "101").get("/api/v1/search")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(Tokens.portal()).queryParam("size", "100").queryParam("page", "101")
                .get("/api/v1/search").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(Tokens.portal()).queryParam("size", "100").queryParam("page", "100")
                .get("/api/v1/search").then().statusCode(200).body("hits.size()", is(0));
        given().auth().oauth2(Tokens.portal()).queryParam("page", "x").get("/api/v1/search")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(Tokens.portal()).queryParam("dateFrom", "yesterday").get("/api/v1/search")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(Tokens.portal()).queryParam("size", "2").queryParam("page", "1")
                .get("/api/v1/search").then().statusCode(200).body("total", greaterThanOrEqualTo(4))
                .body("hits.size()", is(2));
    }

    @Test
    void suggestAndSimilar() {
        given().auth().oauth2(Tokens.portal()).queryParam("q", "有事").get("/api/v1/search/suggest")
                .then().statusCode(200).body("suggestions.text", hasItem("健全“有事来协商”机制"));
        given().auth().oauth2(Tokens.portal()).get("/api/v1/search/suggest")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(Tokens.portal()).get("/api/v1/search/similar/6")
                .then().statusCode(200).body("speechId", is(6)).body("hits.speechId", not(hasItem(6)));
        given().auth().oauth2(Tokens.portal()).get("/api/v1/search/similar/999")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(Tokens.portal()).get("/api/v1/search/similar/abc")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void statusReportsTheIndex() {
        given().auth().oauth2(Tokens.portal()).get("/api/v1/search/status")
                .then().statusCode(200)
                .body("service", equalTo("search-service"))
                .body("indexedSpeeches", greaterThanOrEqualTo(4))
                .body("feedCursor", greaterThanOrEqualTo(4))
                .body("feedRunning", is(false));
    }

    @Test
    void onlyAnAdminMayRebuild() {
        given().auth().oauth2(Tokens.portal()).post("/api/v1/search/index/rebuild")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(Tokens.ops()).post("/api/v1/search/index/rebuild")
                .then().statusCode(202).body("state", oneOf("started", "running"));
    }

    /** The metrics are on the management interface (127.0.0.1), not on the API's port. */
    @TestHTTPResource(value = "/metrics", management = true) // under the management root, /q
    URL metrics;

    @Test
    void metricsExposeTheLag() {
        given().get(metrics).then().statusCode(200)
                .body(containsString("feed_lag_changes"))
                .body(containsString("feed_lag_seconds"))
                .body(containsString("feed_cursor"))
                .body(containsString("feed_changes_applied_total"))
                .body(containsString("feed_errors_total"))
                .body(containsString("search_index_speeches"));
    }
}
