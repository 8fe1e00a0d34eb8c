package org.cppcc.archive.system.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cppcc.archive.system.SystemUnderTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Lints the gateway's merged OpenAPI document with Spectral ({@code spectral:oas} plus the archive's rules in
 * {@code deploy/openapi/.spectral.yaml}) and fails on any error. deploy/test installs
 * {@code @stoplight/spectral-cli} and exports its binary as {@code SPECTRAL_BIN}.
 */
class SpecLintIT {

    private static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    private static final String[] SEVERITY = { "error", "warn", "info", "hint" };

    @Test
    void theMergedDocumentLintsWithoutErrors() throws Exception {
        String bin = System.getenv("SPECTRAL_BIN");
        if (bin == null || bin.isBlank() || !Files.isExecutable(Path.of(bin))) {
            fail("SPECTRAL_BIN is " + (bin == null ? "not set" : "'" + bin + "', not an executable")
                    + ": run the tests with deploy/test, which installs @stoplight/spectral-cli and exports it");
        }
        Path ruleset = REPO.resolve("deploy/openapi/.spectral.yaml");
        assertTrue(Files.exists(ruleset), ruleset + " is missing");

        byte[] document = given().get(SystemUnderTest.get().gatewayUrl() + "/q/openapi")
                .then().statusCode(200).contentType(startsWith("application/json")).extract().asByteArray();
        Path dir = Files.createDirectories(Path.of("target", "openapi"));
        Path spec = dir.resolve("merged-openapi.json");
        Files.write(spec, document);
        Path results = dir.resolve("spectral-results.json");
        Files.deleteIfExists(results);

        Process process = new ProcessBuilder(bin, "lint", spec.toAbsolutePath().toString(),
                "--ruleset", ruleset.toString(), "--format", "json", "--output", results.toAbsolutePath().toString(),
                "--fail-severity", "error")
                .redirectErrorStream(true).redirectOutput(dir.resolve("spectral.log").toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("spectral did not finish within 3 minutes");
        }
        String log = Files.readString(dir.resolve("spectral.log"), StandardCharsets.UTF_8);
        assertTrue(Files.exists(results), "spectral wrote no results (exit " + process.exitValue() + "):\n" + log);

        JsonNode found = new ObjectMapper().readTree(results.toFile());
        List<String> lines = new ArrayList<>();
        int errors = 0;
        for (JsonNode result : found) {
            int severity = result.path("severity").asInt();
            errors += severity == 0 ? 1 : 0;
            lines.add(String.format("%-5s %-28s %s  at %s", SEVERITY[Math.min(severity, 3)],
                    result.path("code").asText(), result.path("message").asText(), pointer(result.path("path"))));
        }
        System.out.println("spectral: " + found.size() + " results, " + errors + " errors"
                + (lines.isEmpty() ? "" : "\n" + String.join("\n", lines)));
        assertEquals(0, errors, "spectral found errors in the merged document:\n" + String.join("\n", lines));
        assertEquals(0, process.exitValue(), "spectral exited with " + process.exitValue() + ":\n" + log);
    }

    private static String pointer(JsonNode path) {
        StringBuilder out = new StringBuilder();
        path.forEach(part -> out.append('/').append(part.asText().replace("~", "~0").replace("/", "~1")));
        return out.toString();
    }
}
