package org.cppcc.archive.system.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cppcc.archive.system.Keycloak;
import org.cppcc.archive.system.SystemUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

/**
 * The gateway's merged OpenAPI document, its Swagger UI and CORS for browser portals, against the running stack.
 */
class MergedOpenApiIT {

    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String REALM = SystemUnderTest.KEYCLOAK_URL + "/realms/speech-archive/protocol/openid-connect";

    private static SystemUnderTest system;
    private static JsonNode spec;

    @BeforeAll
    static void start() throws Exception {
        system = SystemUnderTest.get();
        spec = fetch(system.gatewayUrl());
    }

    /** The merged document as the gateway serves it, without a token. */
    static JsonNode fetch(String gatewayUrl) throws Exception {
        Response response = given().get(gatewayUrl + "/q/openapi");
        response.then().statusCode(200).contentType(startsWith("application/json"));
        return new ObjectMapper().readTree(response.asByteArray());
    }

    @Test
    void isAnOpenApi3DocumentWithTheGatewayAsServer() {
        assertTrue(spec.path("openapi").asText().startsWith("3."), spec.path("openapi").asText());
        assertFalse(spec.path("info").path("title").asText().isBlank());
        assertFalse(spec.path("info").path("version").asText().isBlank());
        assertEquals(1, spec.path("servers").size());
        assertEquals(system.gatewayUrl(), spec.path("servers").path(0).path("url").asText());
        assertTrue(spec.path("paths").size() > 20, "paths: " + spec.path("paths").size());
    }

    @Test
    void hasTheOAuth2SchemeOfKeycloak() {
        JsonNode scheme = spec.path("components").path("securitySchemes").path("oauth2");
        assertEquals("oauth2", scheme.path("type").asText());
        JsonNode code = scheme.path("flows").path("authorizationCode");
        assertEquals(REALM + "/auth", code.path("authorizationUrl").asText());
        assertEquals(REALM + "/token", code.path("tokenUrl").asText());
        assertEquals(REALM + "/token", scheme.path("flows").path("clientCredentials").path("tokenUrl").asText());
        assertEquals(1, spec.path("components").path("securitySchemes").size(), "only the gateway's scheme");
    }

    @Test
    void coversThePublicRoutesOfEveryServiceAndNothingElse() {
        for (String path : List.of("/api/v1/speeches", "/api/v1/speeches/{id}", "/api/v1/compilations/import",
                "/api/v1/changes", "/api/v1/export", "/api/v1/search", "/api/v1/search/index/rebuild",
                "/api/v1/stats/platforms", "/api/v1/stats/facts/{id}/curation")) {
            assertTrue(spec.path("paths").has(path), path);
        }
        spec.path("paths").fieldNames().forEachRemaining(p -> assertTrue(p.startsWith("/api/"), p));
        Set<String> tags = new HashSet<>();
        spec.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        assertTrue(tags.containsAll(List.of("speeches", "compilations", "search", "stats")), tags.toString());
    }

    @Test
    void everyOperationIsDocumentedAndSecured() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : (Iterable<Map.Entry<String, JsonNode>>) spec.path("paths")::fields) {
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                String where = method.toUpperCase() + " " + path.getKey();
                String id = op.path("operationId").asText("");
                if (id.isEmpty() || !ids.add(id)) {
                    problems.add(where + ": missing or duplicate operationId " + id);
                }
                if (op.path("summary").asText("").isBlank()) {
                    problems.add(where + ": no summary");
                }
                if (!op.path("description").asText("").contains("Role: ")) {
                    problems.add(where + ": description names no role");
                }
                if (!op.path("security").toString().contains("\"oauth2\"")) {
                    problems.add(where + ": not secured by oauth2");
                }
                for (String status : List.of("401", "403")) {
                    String ref = op.path("responses").path(status).path("content").path("application/problem+json")
                            .path("schema").path("$ref").asText("");
                    if (!ref.startsWith("#/components/schemas/") || !ref.endsWith("Problem")) {
                        problems.add(where + ": " + status + " does not reference a Problem schema (" + ref + ")");
                    } else if (!spec.path("components").path("schemas").has(ref.substring(21))) {
                        problems.add(where + ": " + ref + " is not defined");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(ids.size() > 20, "operations: " + ids.size());
    }

    @Test
    void everyReferenceResolves() {
        List<String> dangling = new ArrayList<>();
        collectRefs(spec, dangling);
        assertTrue(dangling.isEmpty(), "dangling: " + dangling);
    }

    private static void collectRefs(JsonNode node, List<String> dangling) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String[] parts = ref.asText().substring(2).split("/");
                JsonNode target = spec;
                for (String part : parts) {
                    target = target.path(part);
                }
                if (target.isMissingNode()) {
                    dangling.add(ref.asText());
                }
            }
            node.forEach(child -> collectRefs(child, dangling));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, dangling));
        }
    }

    @Test
    void servesYamlOnRequest() {
        for (Response response : List.of(given().queryParam("format", "yaml").get(system.gatewayUrl() + "/q/openapi"),
                given().accept("application/yaml").get(system.gatewayUrl() + "/q/openapi"))) {
            response.then().statusCode(200).contentType(startsWith("application/yaml"));
            String yaml = response.asString();
            assertTrue(yaml.startsWith("openapi: "), yaml.substring(0, Math.min(80, yaml.length())));
            assertTrue(yaml.contains("/api/v1/speeches/{id}:"));
            assertTrue(yaml.contains("夯实履职基础提升履职质效"), "Chinese examples survive as UTF-8");
        }
    }

    @Test
    void swaggerUiUsesTheMergedDocumentAndKeycloakWithPkce() {
        given().get(system.gatewayUrl() + "/q/swagger-ui").then().statusCode(200)
                .contentType(startsWith("text/html"));
        String page = given().get(system.gatewayUrl() + "/q/swagger-ui/").then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        // the page's set-up is a script file of its own (its Content-Security-Policy allows no inline script)
        assertTrue(page.contains("<script src=\"./speech-archive-init.js\""), page);
        page += given().get(system.gatewayUrl() + "/q/swagger-ui/speech-archive-init.js").then().statusCode(200)
                .contentType(containsString("javascript")).extract().asString();
        assertTrue(page.contains("SwaggerUIBundle"), page);
        assertTrue(page.contains("\"/q/openapi\""), page);
        assertTrue(page.contains("clientId: \"swagger-ui\""), page);
        assertTrue(page.contains("usePkceWithAuthorizationCodeGrant: true"), page);
        assertTrue(page.contains("/q/swagger-ui/oauth2-redirect.html"), page);
        given().get(system.gatewayUrl() + "/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200)
                .contentType(containsString("javascript"));
        given().get(system.gatewayUrl() + "/q/swagger-ui/swagger-ui.css").then().statusCode(200);
        given().get(system.gatewayUrl() + "/q/swagger-ui/oauth2-redirect.html").then().statusCode(200);
    }

    @Test
    void preflightFromAPortalOriginIsAnsweredWithoutAToken() {
        Response preflight = given().header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options(system.gatewayUrl() + "/api/v1/speeches/1");
        assertTrue(preflight.statusCode() == 200 || preflight.statusCode() == 204, "status " + preflight.statusCode());
        preflight.then().header("Access-Control-Allow-Origin", "http://localhost:8080")
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
    }

    @Test
    void responsesToAPortalOriginExposeTheHeadersItNeeds() {
        given().auth().oauth2(Keycloak.portalToken()).header("Origin", "http://127.0.0.1:8080")
                .get(system.gatewayUrl() + "/api/v1/speeches/1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://127.0.0.1:8080")
                .header("Access-Control-Expose-Headers", containsString("X-RateLimit-Remaining"))
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .header("X-RateLimit-Limit", not(nullValue()));
    }

    @Test
    void aForeignOriginIsNotAllowed() {
        Response preflight = given().header("Origin", "https://portal.example.com")
                .header("Access-Control-Request-Method", "GET")
                .options(system.gatewayUrl() + "/api/v1/speeches");
        preflight.then().header("Access-Control-Allow-Origin", nullValue());
        given().auth().oauth2(Keycloak.portalToken()).header("Origin", "https://portal.example.com")
                .get(system.gatewayUrl() + "/api/v1/speeches")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void anOptionsCallThatIsNoPreflightStillNeedsAToken() {
        given().options(system.gatewayUrl() + "/api/v1/speeches").then().statusCode(401)
                .header("Content-Type", equalToIgnoringCase("application/problem+json"));
    }
}
