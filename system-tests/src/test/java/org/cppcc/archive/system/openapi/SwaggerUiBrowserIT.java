package org.cppcc.archive.system.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cppcc.archive.system.BrowserScript;
import org.cppcc.archive.system.Keycloak;
import org.cppcc.archive.system.SystemUnderTest;
import org.junit.jupiter.api.Test;

/**
 * A real browser at the gateway's Swagger UI: Debian's headless chromium driven by playwright-core through
 * {@code src/test/browser/swagger-ui.mjs}. As {@code admin} it logs in on Keycloak's page (authorization code +
 * PKCE), imports a one-speech compilation with "Try it out" and reads it back; as {@code reader} the import is
 * refused with 403. Screenshots go to {@code target/screenshots/}.
 */
class SwaggerUiBrowserIT {

    private static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();

    /** The seed's first speech as a compilation of its own: bookmark, outline, table of contents, body. */
    private static Path oneSpeechCompilation() throws Exception {
        List<String> seed = Files.readAllLines(
                REPO.resolve("document-service/src/main/resources/seed/sichuan-cppcc-exchange-2021-09-28.txt"));
        List<String> lines = new ArrayList<>();
        lines.add(seed.get(0));
        lines.addAll(seed.subList(12, 15));
        lines.addAll(seed.subList(50, 53));
        lines.addAll(seed.subList(75, 94));
        assertEquals("1.政协成都市委员会:", lines.get(0));
        assertEquals("目录", lines.get(4));
        assertEquals("推动新时代人民政协工作不断走深走实", lines.get(7));
        assertEquals("优化制度规定。", lines.get(lines.size() - 1).substring(0, 7));
        Path file = Files.createDirectories(Path.of("target", "browser")).resolve("one-speech-compilation.txt");
        Files.write(file, lines);
        return file.toAbsolutePath();
    }

    @Test
    void anAdminImportsThroughSwaggerUiAndAReaderIsRefused() throws Exception {
        Keycloak.allowSwaggerUiOrigin(SystemUnderTest.get().gatewayUrl());
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots")).toAbsolutePath();
        BrowserScript.run("swagger-ui.mjs", Map.of("SCREENSHOT_DIR", screenshots.toString(),
                "COMPILATION_FILE", oneSpeechCompilation().toString(), "EXPECTED_TITLE", "夯实履职基础提升履职质效"),
                Duration.ofMinutes(4));
        assertTrue(Files.exists(screenshots.resolve("swagger-ui-admin-import.png")), "no admin screenshot");
        assertTrue(Files.exists(screenshots.resolve("swagger-ui-reader-import.png")), "no reader screenshot");
    }
}
