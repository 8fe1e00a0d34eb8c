package org.cppcc.archive.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the scripts of {@code src/test/browser/} (Debian's headless chromium driven by playwright-core, see
 * {@code chromium.mjs}) against the gateway and fails the test unless it ends with exit code 0 in time; its log
 * goes to {@code target/browser/} and the test's output. deploy/test installs chromium, the Noto CJK fonts and
 * playwright-core and exports {@code TEST_NODE_MODULES} (and optionally {@code CHROMIUM_BIN}).
 */
public final class BrowserScript {

    private BrowserScript() {
    }

    /** Runs {@code script} (a file name under src/test/browser) with {@code env} added; returns its log. */
    public static String run(String script, Map<String, String> env, Duration timeout) throws Exception {
        String modules = System.getenv("TEST_NODE_MODULES");
        String chromium = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
        if (modules == null || !Files.isDirectory(Path.of(modules, "playwright-core"))) {
            fail("TEST_NODE_MODULES is " + (modules == null ? "not set" : "'" + modules + "' without playwright-core")
                    + ": run the tests with deploy/test, which installs playwright-core and exports it");
        }
        if (!Files.isExecutable(Path.of(chromium))) {
            fail(chromium + " is missing: install Debian's chromium package (deploy/test does when it runs as root)");
        }
        Path output = Files.createDirectories(Path.of("target", "browser"))
                .resolve(script.replaceFirst("\\.mjs$", "") + ".log");
        ProcessBuilder builder = new ProcessBuilder("node", Path.of("src/test/browser", script).toAbsolutePath()
                .toString()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("GATEWAY_URL", SystemUnderTest.get().gatewayUrl());
        builder.environment().put("NODE_MODULES", modules);
        builder.environment().put("CHROMIUM_BIN", chromium);
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(log);
        assertTrue(finished, script + " did not finish within " + timeout.toMinutes() + " minutes:\n" + log);
        assertEquals(0, process.exitValue(), script + " failed:\n" + log);
        return log;
    }
}
