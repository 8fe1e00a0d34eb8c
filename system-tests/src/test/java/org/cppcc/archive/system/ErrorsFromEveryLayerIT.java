package org.cppcc.archive.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.cppcc.archive.contract.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every refusal is RFC 9457 problem+json with an {@code X-Request-Id}, whichever layer gives it: the HTTP codec
 * (request lines and headers too long or not HTTP), Quarkus's URI check, the router (unknown path, method, media
 * type; a body without a length or over the limit), the JAX-RS layer, Jackson (JSON of the wrong shape). Each case
 * is sent as raw bytes over a plain socket, to the gateway and to each service's own port.
 */
class ErrorsFromEveryLayerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SystemUnderTest system;
    private static String admin;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.get();
        admin = Keycloak.opsToken();
    }

    /** An API path of this module (through the gateway: document's) that takes a JSON body, and one that reads. */
    private static String writePath(String module) {
        return switch (module) {
            case "stats-service" -> "PUT /api/v1/stats/facts/x/curation";
            case "search-service" -> "POST /api/v1/search/index/rebuild";
            default -> "POST /api/v1/speeches";
        };
    }

    private static String readPath(String module) {
        return switch (module) {
            case "stats-service" -> "/api/v1/stats/status";
            case "search-service" -> "/api/v1/search/status";
            default -> "/api/v1/speeches";
        };
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "document-service", "search-service", "stats-service" })
    void theRouterRefusesWithProblems(String module) throws Exception {
        JsonNode notFound = problem(send(module, "GET /nothing/here HTTP/1.1\r\nHost: x\r\n\r\n"), 404);
        assertEquals("/nothing/here", notFound.path("instance").asText());

        String method = module.equals("gateway") ? "DELETE /q/openapi" : "DELETE " + readPath(module);
        problem(send(module, method + " HTTP/1.1\r\nHost: x\r\n" + bearer() + "\r\n"), 405);

        problem(send(module, "GET " + readPath(module) + " HTTP/1.1\r\nHost: x\r\nAccept: image/png\r\n" + bearer()
                + "\r\n"), 406);

        // HTTP/1.0 has no chunked encoding: a body without a length would end only with the connection
        problem(send(module, writePath(module) + " HTTP/1.0\r\nContent-Type: application/json\r\n" + bearer()
                + "\r\n{}"), 411);

        problem(send(module, writePath(module) + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2000000000\r\n" + bearer() + "\r\n{"), 413);

        if (!module.equals("search-service")) { // search takes no request bodies
            problem(send(module, writePath(module) + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 2\r\n" + bearer() + "\r\nhi"), 415);
        }
        problem(send(module, "GET /api/v1/speeches HTTP/1.1\r\nHost: x\r\n\r\n"), 401);

        // a dot segment would let a parameter's value pick another operation (similar/.. → the search itself)
        for (String path : List.of(readPath(module) + "/..", readPath(module) + "/%2E%2e", "/api/v1/./speeches")) {
            problem(send(module, "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + bearer() + "\r\n"), 400);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "document-service", "search-service", "stats-service" })
    void theCodecRefusesWithProblems(String module) throws Exception {
        problem(send(module, "GET /" + "a".repeat(200_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414);
        problem(send(module, "GET /api/v1/speeches?q=" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
                Set.of(414, 401)); // search reads lines up to 128 KB (long queries get their own 400)
        problem(send(module, "GET " + readPath(module) + " HTTP/1.1\r\nHost: x\r\nIf-None-Match: \""
                + "a".repeat(100_000) + "\"\r\n" + bearer() + "\r\n"), 431);
        problem(send(module, "GET " + readPath(module) + " HTTP/1.1\r\nHost: x\r\nIf-Match: \"1\u00002\"\r\n"
                + bearer() + "\r\n"), 400);
        problem(send(module, "GET /a\u0001b HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
        problem(send(module, "GET /a b/c HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
        problem(send(module, "BREW /pot HTCPCP/1.0\r\n\r\n"), 400);
        byte[] nonAscii = ("GET /搜索/政协 HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        problem(RawHttp.send("127.0.0.1", port(module), nonAscii), Set.of(400, 404));
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "document-service" })
    void speechBodiesOfTheWrongShapeNameTheField(String module) throws Exception {
        String valid = "\"compilationId\": 1, \"order\": 1, \"committee\": \"政协测试委员会\", \"bodyAvailable\": false";
        assertNamed(postJson(module, "POST /api/v1/speeches", "{" + valid + ", \"title\": [\"标题\"]}"), "title");
        assertNamed(postJson(module, "POST /api/v1/speeches", "{\"compilationId\": \"one\", \"title\": \"标题\"}"),
                "compilationId");
        assertNamed(postJson(module, "POST /api/v1/speeches", "{" + valid + ", \"title\": \"a\", \"title\": \"b\"}"),
                "title");
        assertNamed(postJson(module, "POST /api/v1/speeches", "{" + valid + ", \"sections\": "
                + "[".repeat(10_000) + "]".repeat(10_000) + "}"), "sections");
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "stats-service" })
    void curationBodiesOfTheWrongShapeNameTheField(String module) throws Exception {
        String path = "PUT /api/v1/stats/facts/x/curation";
        assertNamed(postJson(module, path, "{\"action\": [\"reject\"]}"), "action");
        assertNamed(postJson(module, path, "{\"action\": \"correct\", \"value\": \"many\"}"), "value");
        assertNamed(postJson(module, path, "{\"action\": \"reject\", \"action\": \"confirm\"}"), "action");
        assertNamed(postJson(module, path, "{\"action\": \"reject\", \"note\": " + "[".repeat(10_000)
                + "]".repeat(10_000) + "}"), "note");
        assertNamed(postJson(module, path, "{\"action\": \"reject\", \"isAdmin\": true}"), "isAdmin");
    }

    private static void assertNamed(RawHttp.Answer answer, String field) throws Exception {
        JsonNode problem = problem(answer, 400);
        assertTrue(problem.path("detail").asText().contains(field), field + " not named in " + problem);
    }

    private static RawHttp.Answer postJson(String module, String methodAndPath, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = (methodAndPath + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n" + bearer() + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return RawHttp.send("127.0.0.1", port(module), request);
    }

    private static String bearer() {
        return "Authorization: Bearer " + admin + "\r\n";
    }

    private static RawHttp.Answer send(String module, String request) throws Exception {
        return RawHttp.send("127.0.0.1", port(module), RawHttp.ascii(request));
    }

    private static int port(String module) {
        return URI.create(system.url(module)).getPort();
    }

    private static JsonNode problem(RawHttp.Answer answer, int status) throws Exception {
        return problem(answer, Set.of(status));
    }

    /** Status, media type, the body's members and the request id the header and the body agree on. */
    private static JsonNode problem(RawHttp.Answer answer, Set<Integer> statuses) throws Exception {
        String context = answer.status() + " " + answer.headers() + " " + abbreviate(answer.body());
        assertTrue(statuses.contains(answer.status()), "expected " + statuses + ": " + context);
        assertNotNull(answer.header("Content-Type"), context);
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), context);
        String requestId = answer.header("X-Request-Id");
        assertNotNull(requestId, context);
        JsonNode body = JSON.readTree(answer.body());
        assertEquals(answer.status(), body.path("status").asInt(), context);
        assertEquals("about:blank", body.path("type").asText(), context);
        assertFalse(body.path("title").asText().isBlank(), context);
        assertFalse(body.path("detail").asText().isBlank(), context);
        assertEquals(requestId, body.path("requestId").asText(), context);
        for (String leak : List.of("Exception", "at org.", "at io.", "java.")) {
            assertFalse(answer.body().contains(leak), "leaks " + leak + ": " + context);
        }
        return body;
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
