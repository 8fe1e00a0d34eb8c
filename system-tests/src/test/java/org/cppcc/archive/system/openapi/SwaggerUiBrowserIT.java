package org.cppcc.archive.system.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cppcc.archive.system.Keycloak;
import org.cppcc.archive.system.SystemUnderTest;
import org.junit.jupiter.api.Test;

/**
 * A real browser at the gateway's Swagger UI: Debian's headless chromium driven by playwright-core through
 * {@code src/test/browser/swagger-ui.mjs}. As {@code admin} it logs in on Keycloak's page (authorization code +
 * PKCE), imports a one-speech compilation with "Try it out" and reads it back; as {@code reader} the import is
 * refused with 403. Screenshots go to {@code target/screenshots/}. deploy/test installs chromium and
 * playwright-core and exports {@code TEST_NODE_MODULES} (and optionally {@code CHROMIUM_BIN}).
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
        String modules = System.getenv("TEST_NODE_MODULES");
        String chromium = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
        if (modules == null || !Files.isDirectory(Path.of(modules, "playwright-core"))) {
            fail("TEST_NODE_MODULES is " + (modules == null ? "not set" : "'" + modules + "' without playwright-core")
                    + ": run the tests with deploy/test, which installs playwright-core and exports it");
        }
        if (!Files.isExecutable(Path.of(chromium))) {
            fail(chromium + " is missing: install Debian's chromium package (deploy/test does when it runs as root)");
        }
        String gateway = SystemUnderTest.get().gatewayUrl();
        Keycloak.allowSwaggerUiOrigin(gateway);

        Path screenshots = Files.createDirectories(Path.of("target", "screenshots")).toAbsolutePath();
        Path output = Files.createDirectories(Path.of("target", "browser")).resolve("swagger-ui.log");
        ProcessBuilder builder = new ProcessBuilder("node", Path.of("src/test/browser/swagger-ui.mjs").toAbsolutePath()
                .toString()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("GATEWAY_URL", gateway);
        builder.environment().put("NODE_MODULES", modules);
        builder.environment().put("CHROMIUM_BIN", chromium);
        builder.environment().put("SCREENSHOT_DIR", screenshots.toString());
        builder.environment().put("COMPILATION_FILE", oneSpeechCompilation().toString());
        builder.environment().put("EXPECTED_TITLE", "夯实履职基础提升履职质效");
        Process process = builder.start();
        boolean finished = process.waitFor(4, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(log);
        assertTrue(finished, "the browser script did not finish within 4 minutes:\n" + log);
        assertEquals(0, process.exitValue(), "the browser script failed:\n" + log);
        assertTrue(Files.exists(screenshots.resolve("swagger-ui-admin-import.png")), "no admin screenshot");
        assertTrue(Files.exists(screenshots.resolve("swagger-ui-reader-import.png")), "no reader screenshot");
    }
}
