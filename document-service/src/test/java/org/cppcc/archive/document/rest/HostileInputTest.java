package org.cppcc.archive.document.rest;

import static io.restassured.RestAssured.given;
import static org.cppcc.archive.document.support.KeycloakTokens.editor;
import static org.cppcc.archive.document.support.KeycloakTokens.reader;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.cppcc.archive.document.support.Speeches;
import org.cppcc.archive.document.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Bad input of every kind is a 4xx problem+json, never a 500, and stores nothing. */
@QuarkusTest
class HostileInputTest {

    @Inject
    TestDatabase db;

    long compilationId;

    @BeforeEach
    void clean() {
        db.clean();
        compilationId = db.compilation("恶意输入");
    }

    ValidatableResponse post(Object body) {
        return given().auth().oauth2(editor()).contentType("application/json").body(body).post("/api/v1/speeches")
                .then().contentType("application/problem+json").body("requestId", notNullValue());
    }

    @Test
    void invalidJsonIs400() {
        post("{\"title\": ").statusCode(400).body("detail", containsString("JSON"));
        post("[1,2,3]").statusCode(400);
        post("").statusCode(400);
    }

    @Test
    void unknownFieldIs400() {
        Map<String, Object> body = Speeches.input(compilationId, 1, "标题");
        body.put("isAdmin", true);
        post(body).statusCode(400).body("detail", containsString("isAdmin"));
    }

    @Test
    void wrongTypesAre400() {
        Map<String, Object> body = Speeches.input(compilationId, 1, "标题");
        body.put("order", "first");
        post(body).statusCode(400).body("detail", containsString("order"));
        body = Speeches.input(compilationId, 1, "标题");
        body.put("sections", "none");
        post(body).statusCode(400);
        for (Map.Entry<String, Object> wrong : Map.<String, Object>of("order", "1", "title", 123, "bodyAvailable",
                "true", "tocPage", 1.5, "committee", true).entrySet()) {
            body = Speeches.input(compilationId, 1, "标题");
            body.put(wrong.getKey(), wrong.getValue());
            post(body).statusCode(400).body("detail", containsString(wrong.getKey()));
        }
        assertEquals(0, db.count("speech"));
    }

    @Test
    void trailingContentAfterTheJsonIs400() {
        post("{\"compilationId\": " + compilationId + ", \"order\": 1, \"committee\": \"政协成都市委员会\","
                + " \"title\": \"标题\", \"bodyAvailable\": true} {\"x\": 1}").statusCode(400);
        assertEquals(0, db.count("speech"));
    }

    @Test
    void oversizedAndMissingFieldsAre400WithViolations() {
        Map<String, Object> body = Speeches.input(compilationId, 1, "长".repeat(100_000));
        post(body).statusCode(400).body("violations.field", hasItem("input.title"));
        body = Speeches.input(compilationId, 1, "标题");
        body.put("sections", List.of(Map.of("ordinal", 1, "heading", "太多段落",
                "paragraphs", Collections.nCopies(201, "段")), Map.of("ordinal", 2, "heading", "太长",
                        "paragraphs", List.of("字".repeat(10_001)))));
        body.put("committee", "会".repeat(101));
        body.remove("bodyAvailable");
        post(body).statusCode(400)
                .body("violations.field", hasItem("input.sections[0].paragraphs"))
                .body("violations.field", hasItem("input.committee"))
                .body("violations.field", hasItem("input.bodyAvailable"));
        body = Speeches.input(compilationId, 1, "标题");
        body.put("regionCode", "51'; DROP TABLE speech; --");
        post(body).statusCode(400);
        assertEquals(0, db.count("speech"));
    }

    @ParameterizedTest
    @CsvSource({ "page,-1", "page,abc", "size,0", "size,1000", "sort,drop table", "sort,title;--",
            "compilationId,abc", "compilationId,-5", "bodyAvailable,maybe" })
    void badListParametersAre400(String name, String value) {
        given().auth().oauth2(reader()).queryParam(name, value).get("/api/v1/speeches")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                .body("detail", containsString(name));
    }

    @ParameterizedTest
    @CsvSource({ "after,-1", "after,x", "limit,0", "limit,501", "wait,31", "wait,-1" })
    void badFeedParametersAre400(String name, String value) {
        given().auth().oauth2(reader()).queryParam(name, value).get("/api/v1/changes")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void badIdsAre400AndUnknownIdsAre404() {
        given().auth().oauth2(reader()).get("/api/v1/speeches/abc").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(reader()).get("/api/v1/speeches/1%27%20or%201=1").then().statusCode(400);
        given().auth().oauth2(reader()).get("/api/v1/speeches/-3").then().statusCode(400);
        given().auth().oauth2(reader()).get("/api/v1/speeches/99999999999").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(reader()).get("/api/v1/compilations/abc").then().statusCode(400);
    }

    @Test
    void wrongMediaTypeIs415() {
        given().auth().oauth2(editor()).contentType("application/xml").body("<speech/>").post("/api/v1/speeches")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
