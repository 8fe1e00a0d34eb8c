package org.cppcc.archive.search.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.cppcc.archive.contract.Problem;
import org.cppcc.archive.search.index.SpeechIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * Hostile values for every parameter of search, suggest and similar: each is refused with a 400 problem that names
 * the parameter, or is plain text that finds what it finds; never a 500.
 */
@QuarkusTest
@TestProfile(FreshIndexProfile.class)
class SearchParametersTest {

    private static final String HUGE = "9".repeat(40);

    @Inject
    SpeechIndex index;

    @BeforeEach
    void feed() throws IOException {
        SearchTestData.seed(index);
    }

    @Test
    void badSearchParametersAreRefusedByName() {
        Map<String, List<String>> bad = Map.of(
                "page", List.of("-1", "x", HUGE, "1e309", "2.5", "9223372036854775808", "\u0000"),
                "size", List.of("0", "-5", "101", HUGE, "1.0", "-9223372036854775809", "\u0000"),
                "compilationId", List.of("0", "-1", HUGE, "abc", "1e3", "\u0000"),
                "level", List.of("not-a-level", "COUNTY", "county\u0000", "县"),
                "speakerKind", List.of("robot", "Party", "member\u0000"),
                "region", List.of("成都市\u0000", "\u0007", "成".repeat(101)),
                "regionCode", List.of("5101\u0000", "5".repeat(101)),
                "committee", List.of("政协\u0000成都市委员会", "会".repeat(101)),
                "dateFrom", List.of("yesterday", "2021-02-30", "2021-13-01", "+99999999999-01-01", "\u0000"),
                "dateTo", List.of("2021/09/30", "20210930", "2021-09-30T00:00"));
        bad.forEach((name, values) -> {
            for (String value : values) {
                reader().queryParam(name, value).get("/api/v1/search")
                        .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                        .body("status", is(400))
                        .body("detail", containsString(name));
            }
        });
    }

    @Test
    void theQueryIsPlainTextUpToItsLimitsWhichNameIt() {
        for (String q : List.of("\u0000", "\ud800", "\u202e双助", "双\u0301助", "𠀀𠀁", "%00", "' OR 1=1 --")) {
            reader().queryParam("q", q).get("/api/v1/search").then().statusCode(200);
        }
        reader().queryParam("q", "协".repeat(10_000)).get("/api/v1/search")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("detail", containsString("q"));
        reader().queryParam("q", "甲 ".repeat(17)).get("/api/v1/search")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("detail", containsString("q"));
    }

    @Test
    void everyDocumentedLevelAndSpeakerKindIsAccepted() {
        for (String level : List.of("prefecture-city", "autonomous-prefecture", "district", "county-level-city",
                "county")) {
            reader().queryParam("level", level).get("/api/v1/search").then().statusCode(200);
        }
        for (String kind : List.of("committee", "party", "federation", "sector", "special-committee", "member")) {
            reader().queryParam("speakerKind", kind).get("/api/v1/search").then().statusCode(200);
        }
        reader().queryParam("level", " county ").get("/api/v1/search").then().statusCode(200).body("total", is(1));
    }

    @Test
    void badSuggestAndSimilarParametersAreRefusedByName() {
        for (String size : List.of("0", "21", "-1", HUGE, "x", "\u0000")) {
            reader().queryParam("q", "有事").queryParam("size", size).get("/api/v1/search/suggest")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("detail", containsString("size"));
            reader().queryParam("size", size).get("/api/v1/search/similar/6")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("detail", containsString("size"));
        }
        reader().queryParam("q", "有".repeat(51)).get("/api/v1/search/suggest")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("detail", containsString("q"));
        reader().queryParam("q", "\u0000").get("/api/v1/search/suggest").then().statusCode(200);
        for (String id : List.of("0", "-6", HUGE, "6.0", "%00", "1e2")) {
            reader().get("/api/v1/search/similar/" + id)
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("detail", containsString("speechId"));
        }
        reader().get("/api/v1/search/similar/" + Long.MAX_VALUE)
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString(Long.toString(Long.MAX_VALUE)));
    }

    private static RequestSpecification reader() {
        return given().auth().oauth2(Tokens.portal());
    }
}
