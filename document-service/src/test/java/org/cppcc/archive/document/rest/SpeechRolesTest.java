package org.cppcc.archive.document.rest;

import static io.restassured.RestAssured.given;
import static org.cppcc.archive.document.support.KeycloakTokens.admin;
import static org.cppcc.archive.document.support.KeycloakTokens.editor;
import static org.cppcc.archive.document.support.KeycloakTokens.reader;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import jakarta.inject.Inject;

import org.cppcc.archive.document.support.Speeches;
import org.cppcc.archive.document.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/** Roles per endpoint: no token 401, reader reads but cannot write or import, editor writes, admin imports. */
@QuarkusTest
class SpeechRolesTest {

    @Inject
    TestDatabase db;

    long compilationId;
    long speechId;

    @BeforeEach
    void setUp() {
        db.clean();
        compilationId = db.compilation("权限");
        speechId = given().auth().oauth2(editor()).contentType("application/json")
                .body(Speeches.input(compilationId, 1, "权限测试")).post("/api/v1/speeches")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/speeches", "/api/v1/compilations", "/api/v1/changes", "/api/v1/export" })
    void withoutATokenEveryApiCallIs401(String path) {
        given().get(path).then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401)).body("requestId", notNullValue());
        given().auth().oauth2("not-a-jwt").get(path).then().statusCode(401);
    }

    @Test
    void withoutATokenWritesAre401() {
        given().contentType("application/json").body(Speeches.input(compilationId, 2, "x")).post("/api/v1/speeches")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("If-Match", "*").delete("/api/v1/speeches/" + speechId).then().statusCode(401);
    }

    @Test
    void aReaderReadsEverything() {
        given().auth().oauth2(reader()).get("/api/v1/speeches").then().statusCode(200);
        given().auth().oauth2(reader()).get("/api/v1/speeches/" + speechId).then().statusCode(200);
        given().auth().oauth2(reader()).get("/api/v1/speeches/" + speechId + "/history").then().statusCode(200);
        given().auth().oauth2(reader()).get("/api/v1/compilations/" + compilationId).then().statusCode(200);
        given().auth().oauth2(reader()).get("/api/v1/changes").then().statusCode(200);
        given().auth().oauth2(reader()).get("/api/v1/export").then().statusCode(200);
    }

    @Test
    void aReaderCannotWrite() {
        given().auth().oauth2(reader()).contentType("application/json").body(Speeches.input(compilationId, 2, "x"))
                .post("/api/v1/speeches").then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
        given().auth().oauth2(reader()).contentType("application/json").header("If-Match", "*")
                .body(Speeches.input(compilationId, 1, "x")).put("/api/v1/speeches/" + speechId)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(reader()).header("If-Match", "*").delete("/api/v1/speeches/" + speechId)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(reader()).get("/api/v1/speeches/" + speechId).then().statusCode(200)
                .body("version", equalTo(1));
    }

    @Test
    void anEditorWritesButCannotImport() {
        given().auth().oauth2(editor()).contentType("application/json").header("If-Match", "*")
                .body(Speeches.input(compilationId, 1, "编辑改的")).put("/api/v1/speeches/" + speechId)
                .then().statusCode(200);
        given().auth().oauth2(editor()).contentType("text/plain; charset=utf-8").body("任意")
                .post("/api/v1/compilations/import").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(reader()).contentType("text/plain; charset=utf-8").body("任意")
                .post("/api/v1/compilations/import").then().statusCode(403);
    }

    @Test
    void anAdminImports() throws Exception {
        given().auth().oauth2(admin()).contentType("text/plain; charset=utf-8")
                .body(CompilationImportResourceTest.seed()).post("/api/v1/compilations/import")
                .then().statusCode(201);
    }

    @Test
    void operationsEndpointsArePublic() {
        given().get("/q/health").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
