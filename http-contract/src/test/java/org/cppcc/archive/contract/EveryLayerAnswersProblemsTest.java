package org.cppcc.archive.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

/**
 * Every refusal, whichever layer gives it (the HTTP codec, the router, the security filter, JAX-RS, Jackson, bean
 * validation), is problem+json with a request id, in a Quarkus application that has nothing but this module and a
 * resource shaped like the services' own.
 */
@QuarkusTest
class EveryLayerAnswersProblemsTest {

    private static final String TOKEN = "Bearer not-checked-here";

    @TestHTTPResource("/")
    URL root;

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(startsWith(Problem.MEDIA_TYPE))
                .header(RequestIds.HEADER, notNullValue())
                .header("X-Content-Type-Options", "nosniff")
                .body("status", equalTo(status)).body("title", notNullValue()).body("detail", notNullValue())
                .body("requestId", notNullValue()).body("type", equalTo("about:blank"));
    }

    @Test
    void unknownPathsAndMethodsAndMediaTypes() {
        problem(given().get("/nothing/here").then(), 404).body("instance", equalTo("/nothing/here"));
        problem(given().header("Authorization", TOKEN).get("/api/v1/nothing").then(), 404);
        problem(given().header("Authorization", TOKEN).delete("/api/v1/echo").then(), 405)
                .body("detail", equalTo("DELETE is not supported on /api/v1/echo."));
        problem(given().header("Authorization", TOKEN).accept("image/png").get("/api/v1/echo").then(), 406);
        problem(given().header("Authorization", TOKEN).contentType("text/plain").body("x").post("/api/v1/echo")
                .then(), 415);
        problem(given().get("/api/v1/echo").then(), 401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void aCallerSuppliedRequestIdIsKeptWhenPlain() {
        problem(given().header(RequestIds.HEADER, "abc-123").get("/nothing/here").then(), 404)
                .header(RequestIds.HEADER, "abc-123").body("requestId", equalTo("abc-123"));
        problem(given().header(RequestIds.HEADER, "a b\u00e9").get("/nothing/here").then(), 404)
                .header(RequestIds.HEADER, not("a b\u00e9"));
    }

    @Test
    void parametersAndFailuresInResources() {
        problem(given().header("Authorization", TOKEN).queryParam("size", "abc").get("/api/v1/echo").then(), 400)
                .body("detail", equalTo("size must be an integer from 1 to 100."));
        problem(given().header("Authorization", TOKEN).get("/api/v1/echo/fail").then(), 500)
                .body("detail", startsWith("An unexpected error occurred; quote request id "))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void jsonOfTheWrongShapeNamesTheField() {
        post("{\"title\": [\"x\"]}").body("detail", containsString("\"title\"")).body("violations.field", hasItem("title"));
        post("{\"title\": \"x\", \"count\": \"many\"}").body("detail", containsString("\"count\""));
        post("{\"title\": \"x\", \"tags\": [1, {\"a\": 1}]}").body("detail", containsString("tags"));
        post("{\"title\": \"x\", \"title\": \"y\"}").body("detail", equalTo("Field \"title\" appears more than once."))
                .body("violations.field", hasItem("title"));
        post("{\"title\": \"x\", \"isAdmin\": true}").body("detail", equalTo("Unknown field \"isAdmin\"."));
        post("{\"title\": \"x\", \"tags\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}")
                .body("detail", containsString("tags"));
        post("{\"title\": ").body("detail", containsString("not valid JSON"));
        post("{\"title\": \"01234567890\"}").body("violations.field", hasItem("note.title"));
        post("{}").body("violations.field", hasItem("note.title"));
        // a date is an ISO date, not a day number
        post("{\"title\": \"x\", \"date\": 18898}").body("violations.field", hasItem("date"));
        given().header("Authorization", TOKEN).contentType("application/json")
                .body("{\"title\": \"x\", \"date\": \"2021-09-28\"}").post("/api/v1/echo")
                .then().statusCode(200).body("date", equalTo("2021-09-28"));
    }

    @Test
    void jsonInAnotherEncodingThanUtf8IsRefused() {
        for (Charset charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                Charset.forName("UTF-32"))) {
            post("{\"title\": \"政协\"}".getBytes(charset))
                    .body("detail", equalTo("A JSON body must be encoded in UTF-8; this one is not."));
        }
    }

    @Test
    void aMultipartBodyCutOffBeforeItsClosingBoundaryIsRefused() throws Exception {
        String part = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n政协";
        byte[] body = part.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST /api/v1/echo/upload HTTP/1.1\r\nHost: x\r\nAuthorization: " + TOKEN
                + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] request = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        RawHttp.Answer answer = RawHttp.send(root.getHost(), root.getPort(), request);
        assertProblem(answer, 400);
        assertTrue(answer.body().contains("closing boundary"), answer.toString());
    }

    @Test
    void dotSegmentsInThePathAreRefused() {
        for (String path : List.of("/api/v1/echo/fail/..", "/api/v1/echo/fail/%2e%2E", "/api/v1/./echo")) {
            problem(given().urlEncodingEnabled(false).header("Authorization", TOKEN).get(path).then(), 400)
                    .body("detail", containsString(".."));
        }
    }

    private ValidatableResponse post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    private ValidatableResponse post(byte[] body) {
        return problem(given().header("Authorization", TOKEN).contentType("application/json").body(body)
                .post("/api/v1/echo").then(), 400);
    }

    @Test
    void tooLargeBodiesAre413() throws Exception {
        problem(given().header("Authorization", TOKEN).contentType("application/json")
                .body("{\"title\": \"" + "x".repeat(70_000) + "\"}").post("/api/v1/echo").then(), 413);
        RawHttp.Answer answer = raw("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nAuthorization: " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{");
        assertProblem(answer, 413);
    }

    @Test
    void anHttp10BodyWithoutALengthIs411() throws Exception {
        assertProblem(raw("POST /api/v1/echo HTTP/1.0\r\nAuthorization: " + TOKEN
                + "\r\nContent-Type: application/json\r\n\r\n{\"title\": \"x\"}"), 411);
    }

    @Test
    void whatTheCodecRefusesIsAProblemToo() throws Exception {
        assertProblem(raw("GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414);
        assertProblem(raw("GET /api/v1/echo HTTP/1.1\r\nHost: x\r\nIf-Match: \"" + "a".repeat(100_000)
                + "\"\r\n\r\n"), 431);
        assertProblem(raw("GET /api/v1/echo HTTP/1.1\r\nHost: x\r\nIf-Match: \"a\u0000b\"\r\n\r\n"), 400);
        byte[] nonAscii = ("GET /api/v1/" + "搜索" + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.send(root.getHost(), root.getPort(), nonAscii);
        assertTrue(answer.status() == 400 || answer.status() == 401 || answer.status() == 404, "status " + answer.status());
        assertProblem(answer, answer.status());
        assertProblem(raw("GET /a\u0001b HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
        assertProblem(raw("BREW /coffee HTCPCP/1.0\r\n\r\n"), 400);
    }

    private RawHttp.Answer raw(String request) throws Exception {
        return RawHttp.send(root.getHost(), root.getPort(), RawHttp.ascii(request));
    }

    static void assertProblem(RawHttp.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.toString());
        assertNotNull(answer.header("Content-Type"), answer.toString());
        assertTrue(answer.header("Content-Type").startsWith(Problem.MEDIA_TYPE), answer.toString());
        String requestId = answer.header(RequestIds.HEADER);
        assertTrue(RequestIds.isSafe(requestId), answer.toString());
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
        JsonObject body = new JsonObject(answer.body());
        assertEquals(status, body.getInteger("status"));
        assertEquals("about:blank", body.getString("type"));
        assertEquals(requestId, body.getString("requestId"));
        assertFalse(body.getString("title").isBlank());
        assertFalse(body.getString("detail").isBlank());
    }
}
