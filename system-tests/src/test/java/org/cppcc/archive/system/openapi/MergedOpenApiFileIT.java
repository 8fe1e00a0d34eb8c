package org.cppcc.archive.system.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.cppcc.archive.system.SystemUnderTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The merged OpenAPI document that api-client wrote at build time (from the services' stored documents, with the
 * gateway's merger) is the one the running gateway serves, and the Java client generated from it has every one of its
 * operations: so {@link GeneratedClientIT} tests a client of the deployed API, not of a snapshot.
 */
class MergedOpenApiFileIT {

    private static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    private static final Path MERGED_FILE = REPO.resolve("api-client/target/openapi/speech-archive-openapi.json");

    @Test
    void theBuildTimeDocumentIsWhatTheGatewayServes() throws Exception {
        assertTrue(Files.exists(MERGED_FILE), MERGED_FILE + " is missing: build api-client before the system tests");
        JsonNode built = withoutDeploymentUrls(new ObjectMapper().readTree(MERGED_FILE.toFile()));
        JsonNode served = withoutDeploymentUrls(MergedOpenApiIT.fetch(SystemUnderTest.get().gatewayUrl()));

        List<String> differences = new ArrayList<>();
        compare("", built, served, differences);
        assertEquals(List.of(), differences, "built (left) and served (right) differ");
        assertTrue(built.path("paths").size() > 20, "paths: " + built.path("paths").size());
    }

    @Test
    void theGeneratedClientHasEveryOperationOfThatDocument() throws Exception {
        JsonNode built = new ObjectMapper().readTree(MERGED_FILE.toFile());
        List<String> missing = new ArrayList<>();
        for (JsonNode path : built.path("paths")) {
            for (String method : MergedOpenApiIT.METHODS) {
                JsonNode op = path.path(method);
                if (op.isObject() && !clientHas(op.path("tags").path(0).asText(), op.path("operationId").asText())) {
                    missing.add(op.path("tags").path(0).asText() + "." + op.path("operationId").asText());
                }
            }
        }
        assertEquals(List.of(), missing, "operations the generated client lacks");
    }

    /** openapi-generator puts an operation into the class of its first tag: search-admin → SearchAdminApi. */
    private static boolean clientHas(String tag, String operationId) {
        StringBuilder name = new StringBuilder("org.cppcc.archive.client.api.");
        for (String part : tag.split("[^A-Za-z0-9]+")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        try {
            return Arrays.stream(Class.forName(name + "Api").getMethods()).anyMatch(m -> m.getName().equals(operationId));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Drops what depends on where it runs: the server and Keycloak's endpoints in the OAuth2 flows. */
    private static JsonNode withoutDeploymentUrls(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        copy.remove("servers");
        copy.path("components").path("securitySchemes").path("oauth2").path("flows")
                .forEach(flow -> ((ObjectNode) flow).remove(List.of("authorizationUrl", "tokenUrl")));
        return copy;
    }

    /** JSON pointers where the two differ, down to the first differing node of each branch; at most 20. */
    private static void compare(String pointer, JsonNode left, JsonNode right, List<String> differences) {
        if (differences.size() >= 20 || left.equals(right)) {
            return;
        }
        if (left.isObject() && right.isObject()) {
            Set<String> names = new TreeSet<>();
            left.fieldNames().forEachRemaining(names::add);
            right.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!left.has(name) || !right.has(name)) {
                    differences.add(child + (left.has(name) ? " only built" : " only served"));
                } else {
                    compare(child, left.get(name), right.get(name), differences);
                }
            }
        } else {
            differences.add(pointer + ": " + abbreviate(left) + " vs " + abbreviate(right));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
