package org.cppcc.archive.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiMerger.Keycloak KEYCLOAK = new OpenApiMerger.Keycloak(
            "http://kc/realms/r/protocol/openid-connect/auth", "http://kc/realms/r/protocol/openid-connect/token");

    private static JsonNode doc(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    private static ObjectNode merge() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("document", doc("""
                {'openapi': '3.1.0', 'info': {'title': 'd', 'version': '1.0.0'},
                 'tags': [{'name': 'speeches', 'description': '发言'}],
                 'paths': {
                   '/api/v1/speeches/{id}': {'get': {'operationId': 'getSpeech', 'summary': 's', 'tags': ['speeches'],
                       'responses': {'404': {'description': 'x', 'content': {'application/problem+json':
                           {'schema': {'$ref': '#/components/schemas/Problem'}}}}}}},
                   '/api/v1/search': {'get': {'operationId': 'stray', 'responses': {}}},
                   '/q/health': {'get': {'operationId': 'health', 'responses': {}}}},
                 'components': {'schemas': {
                   'Problem': {'type': 'object', 'properties': {'line': {'type': 'integer'}}},
                   'Violation': {'type': 'object'}},
                   'securitySchemes': {'bearer': {'type': 'http', 'scheme': 'bearer'}}}}
                """));
        docs.put("search", doc("""
                {'openapi': '3.1.0', 'info': {'title': 's', 'version': '1.0.0'},
                 'paths': {'/api/v1/search': {'get': {'operationId': 'getSpeech', 'summary': 's', 'tags': ['search'],
                       'responses': {'400': {'description': 'x', 'content': {'application/problem+json':
                           {'schema': {'$ref': '#/components/schemas/Problem'}}}}}}}},
                 'components': {'schemas': {'Problem': {'type': 'object'}, 'Violation': {'type': 'object'}}}}
                """));
        docs.put("stats", doc("""
                {'openapi': '3.1.0', 'info': {'title': 's', 'version': '1.0.0'},
                 'paths': {'/api/v1/stats': {'get': {'operationId': 'stats', 'summary': 's',
                       'responses': {'400': {'description': 'x', 'content': {'application/problem+json':
                           {'schema': {'$ref': '#/components/schemas/Problem'}}}}}}}},
                 'components': {'schemas': {'Problem': {'type': 'object'}}}}
                """));
        return OpenApiMerger.merge(docs, (path, service) -> path.startsWith("/api/v1/search") ? service.equals("search")
                : path.startsWith("/api/v1/stats") ? service.equals("stats") : service.equals("document"),
                KEYCLOAK);
    }

    @Test
    void keepsOnlyTheApiPathsEachServiceServesThroughTheGateway() throws Exception {
        ObjectNode merged = merge();
        assertEquals(3, merged.path("paths").size(), merged.path("paths").toString());
        assertFalse(merged.path("paths").has("/q/health"));
        assertEquals("search", merged.at("/paths/~1api~1v1~1search/get/tags/0").asText());
    }

    @Test
    void prefixesOnlyTheComponentsThatClashAndRewritesTheirReferences() throws Exception {
        ObjectNode merged = merge();
        JsonNode schemas = merged.at("/components/schemas");
        assertTrue(schemas.has("DocumentProblem") && schemas.has("SearchProblem") && !schemas.has("Problem"));
        assertTrue(schemas.has("Violation"), "identical definitions keep their name");
        assertEquals("#/components/schemas/DocumentProblem", merged.at(
                "/paths/~1api~1v1~1speeches~1{id}/get/responses/404/content/application~1problem+json/schema/$ref")
                .asText());
        assertEquals("#/components/schemas/SearchProblem", merged.at(
                "/paths/~1api~1v1~1search/get/responses/400/content/application~1problem+json/schema/$ref").asText());
        assertEquals("#/components/schemas/SearchProblem", merged.at(
                "/paths/~1api~1v1~1stats/get/responses/400/content/application~1problem+json/schema/$ref").asText(),
                "identical definitions of two services share one name");
        assertFalse(schemas.has("StatsProblem"));
    }

    @Test
    void keepsOperationIdsUniqueAndAppliesTheOAuth2SchemeEverywhere() throws Exception {
        ObjectNode merged = merge();
        String first = merged.at("/paths/~1api~1v1~1speeches~1{id}/get/operationId").asText();
        String second = merged.at("/paths/~1api~1v1~1search/get/operationId").asText();
        assertEquals("getSpeech", first);
        assertNotEquals(first, second);
        assertEquals("oauth2", merged.at("/components/securitySchemes/oauth2/type").asText());
        assertEquals(1, merged.at("/components/securitySchemes").size());
        assertEquals(KEYCLOAK.tokenUrl(),
                merged.at("/components/securitySchemes/oauth2/flows/clientCredentials/tokenUrl").asText());
        assertTrue(merged.at("/paths/~1api~1v1~1search/get/security/0").has("oauth2"));
        for (String status : new String[] { "401", "403", "429", "503" }) {
            assertTrue(merged.at("/paths/~1api~1v1~1search/get/responses").has(status), status);
        }
    }

    @Test
    void setsTheGatewayAsTheOnlyServer() throws Exception {
        ObjectNode served = OpenApiMerger.withServer(merge(), "http://127.0.0.1:8080");
        assertEquals("http://127.0.0.1:8080", served.at("/servers/0/url").asText());
        assertEquals(1, served.path("servers").size());
    }
}
