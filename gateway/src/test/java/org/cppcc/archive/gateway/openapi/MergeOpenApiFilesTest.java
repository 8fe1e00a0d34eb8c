package org.cppcc.archive.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The build-time merge over stored documents, routed by the gateway's own application.properties. */
class MergeOpenApiFilesTest {

    private static final String REALM = "http://kc:8180/realms/speech-archive";

    @TempDir
    Path dir;

    private String doc(String name, String... paths) throws Exception {
        StringBuilder json = new StringBuilder("{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"" + name
                + "\", \"version\": \"1.0.0\"}, \"paths\": {");
        for (int i = 0; i < paths.length; i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(paths[i])
                    .append("\": {\"get\": {\"operationId\": \"").append(name).append(i)
                    .append("\", \"responses\": {}}}");
        }
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, json.append("}}").toString());
        return name + "=" + file;
    }

    @Test
    void mergesTheStoredDocumentsAsTheGatewayRoutesThem() throws Exception {
        Path out = dir.resolve("out/merged.json");
        MergeOpenApiFiles.main(new String[] { out.toString(), "http://127.0.0.1:8080/", REALM,
                doc("document", "/api/v1/speeches", "/api/v1/stats/not-mine"), doc("search", "/api/v1/search"),
                doc("stats", "/api/v1/stats/platforms") });

        JsonNode merged = new ObjectMapper().readTree(out.toFile());
        assertEquals("http://127.0.0.1:8080", merged.at("/servers/0/url").asText());
        assertEquals(OpenApiMerger.DESCRIPTION, merged.at("/info/description").asText());
        assertEquals("document0", merged.at("/paths/~1api~1v1~1speeches/get/operationId").asText());
        assertEquals("stats0", merged.at("/paths/~1api~1v1~1stats~1platforms/get/operationId").asText());
        assertFalse(merged.path("paths").has("/api/v1/stats/not-mine"), "the gateway sends /api/v1/stats to stats");
        assertEquals(REALM + "/protocol/openid-connect/token",
                merged.at("/components/securitySchemes/oauth2/flows/clientCredentials/tokenUrl").asText());
    }

    @Test
    void refusesToMergeWithoutADocumentForEveryUpstream() throws Exception {
        String document = doc("document", "/api/v1/speeches");
        String search = doc("search", "/api/v1/search");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MergeOpenApiFiles.main(
                new String[] { dir.resolve("m.json").toString(), "http://gw", REALM, document, search }));
        assertTrue(e.getMessage().contains("[document, search, stats]"), e.getMessage());
    }

    @Test
    void namesAMissingOrBrokenDocument() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"openapi\": ");
        String[] missing = { dir.resolve("m.json").toString(), "http://gw", REALM, "document=" + dir.resolve("nope.json") };
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MergeOpenApiFiles.main(missing)).getMessage()
                .contains("nope.json is missing"));
        String[] unreadable = { dir.resolve("m.json").toString(), "http://gw", REALM, "document=" + broken };
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MergeOpenApiFiles.main(unreadable)).getMessage()
                .contains("broken.json is not a JSON document"));
        assertThrows(IllegalArgumentException.class, () -> MergeOpenApiFiles.main(new String[] { "out.json" }));
    }
}
