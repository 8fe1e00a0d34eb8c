package org.cppcc.archive.system.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.cppcc.archive.document.support.DocxFixture;
import org.cppcc.archive.system.BrowserScript;
import org.cppcc.archive.system.Keycloak;
import org.cppcc.archive.system.SystemUnderTest;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * The web console at the gateway's {@code /console/}, in a real browser: Debian's headless chromium driven by
 * playwright-core through {@code src/test/browser/console.mjs}, logging in on Keycloak's page as reader, analyst,
 * admin and editor (see the script for what each one checks). Screenshots and the measurements (bytes loaded,
 * first-load times) go to {@code target/console-screenshots/}.
 */
class ConsoleBrowserIT {

    /** A compilation no other test imports: four speeches of 凉山州, as a DOCX with bold run-in headings. */
    private static final String FIXTURE = "/compilations/unseen/sichuan-liangshan-forum-bold-runins.docx.txt";
    private static final String FIXTURE_TITLE = "建好“委员之家”激发履职活力";
    private static final int FIXTURE_SPEECHES = 4;

    @Test
    void theConsoleIsServedWithItsPolicyAndEveryConsolePathIsItsPage() {
        String gateway = SystemUnderTest.get().gatewayUrl();
        Response page = given().redirects().follow(false).get(gateway + "/console/");
        assertEquals(200, page.statusCode());
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self';"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertFalse(policy.contains("unsafe-eval"), policy);
        assertTrue(page.asString().contains("<script type=\"module\" src=\"/console/app/main.js\"></script>"));
        assertFalse(page.asString().matches("(?s).*<script>.*"), "an inline script");

        assertEquals(302, given().redirects().follow(false).get(gateway + "/console").statusCode());
        Response deep = given().get(gateway + "/console/speeches/1");
        assertEquals(200, deep.statusCode());
        assertEquals(page.asString(), deep.asString());
        assertEquals(404, given().get(gateway + "/console/app/missing.js").statusCode());

        for (String asset : List.of("/console/app/main.js", "/console/vendor/keycloak.js",
                "/console/vendor/echarts/echarts.min.js")) {
            Response answer = given().get(gateway + asset);
            assertEquals(200, answer.statusCode(), asset);
            assertTrue(answer.contentType().contains("javascript"), asset + " is " + answer.contentType());
            assertTrue(answer.header("Content-Security-Policy") != null, asset);
        }
        Response config = given().get(gateway + "/console/config.json");
        assertEquals("console", config.path("clientId"));
        assertEquals(SystemUnderTest.KEYCLOAK_URL, config.path("keycloakUrl"));
        assertEquals("speech-archive", config.path("realm"));
    }

    @Test
    void readerAnalystAdminAndEditorUseTheConsoleInABrowser() throws Exception {
        Keycloak.ensureFromRealmFile("console", "analyst");
        Keycloak.allowConsoleOrigin(SystemUnderTest.get().gatewayUrl());
        Path screenshots = Files.createDirectories(Path.of("target", "console-screenshots")).toAbsolutePath();
        Path docx = Files.createDirectories(Path.of("target", "browser")).toAbsolutePath()
                .resolve("sichuan-liangshan-forum-bold-runins.docx");
        Files.write(docx, DocxFixture.fromMarkup(resource(FIXTURE)));
        BrowserScript.run("console.mjs", Map.of("SCREENSHOT_DIR", screenshots.toString(),
                "REPORT_FILE", screenshots.resolve("console-report.json").toString(), "IMPORT_FILE", docx.toString(),
                "IMPORT_TITLE", FIXTURE_TITLE, "IMPORT_SPEECHES", Integer.toString(FIXTURE_SPEECHES)),
                Duration.ofMinutes(6));
        for (String name : List.of("console-reader-search", "console-reader-search-390", "console-reader-paragraph",
                "console-reader-admin-refused", "console-analyst-stats", "console-analyst-facts",
                "console-analyst-stats-390", "console-admin-preview", "console-admin-imported-search",
                "console-admin-curation", "console-editor-history")) {
            assertTrue(Files.exists(screenshots.resolve(name + ".png")), "no screenshot " + name);
        }
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = ConsoleBrowserIT.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
