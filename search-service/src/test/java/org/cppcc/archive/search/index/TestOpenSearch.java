package org.cppcc.archive.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The OpenSearch node the tests of the OpenSearch backend share: started once per test JVM by the same script that
 * deploy uses ({@code deploy/lib/opensearch.sh}: OpenSearch fetched through Maven, the archive's analysis plugin
 * built by this build installed), stopped when the JVM exits. {@code TEST_OPENSEARCH_URL} names a running cluster
 * to use instead. Only with {@code -Dopensearch=true}: starting a node takes a minute or more here, so the OpenSearch
 * runs are a test command of their own (README, "Scaling out"); without it they are skipped, the Lucene runs not.
 */
public final class TestOpenSearch {

    private static final Path SCRIPT = Path.of("..", "deploy", "lib", "opensearch.sh").toAbsolutePath().normalize();
    private static final Path DIR = Path.of("target", "opensearch").toAbsolutePath();
    private static List<String> urls;

    private TestOpenSearch() {
    }

    /** Whether this run tests the OpenSearch backend. */
    public static boolean enabled() {
        return Boolean.getBoolean("opensearch");
    }

    /** The node's HTTP address, starting it on first use; skips the calling test unless {@link #enabled()}. */
    public static synchronized List<String> urls() {
        Assumptions.assumeTrue(enabled(), "the OpenSearch backend is tested with -Dopensearch=true");
        if (urls == null) {
            String given = System.getenv("TEST_OPENSEARCH_URL");
            urls = List.of((given != null && !given.isBlank() ? given : start()).split(","));
        }
        return urls;
    }

    private static String start() {
        try {
            stop(); // a node an earlier run left (its JVM killed before its shutdown hook ended)
            delete(DIR); // a new node each run, with the plugin this build made
            Files.createDirectories(DIR);
            Process process = new ProcessBuilder("bash", SCRIPT.toString(), "start", DIR.toString(), "1")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor() != 0 || out.isEmpty()) {
                throw new IllegalStateException("OpenSearch did not start (" + SCRIPT + "), see " + DIR);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestOpenSearch::stop));
            String[] lines = out.split("\n");
            return lines[lines.length - 1].strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stop() {
        try {
            new ProcessBuilder("bash", SCRIPT.toString(), "stop", DIR.toString()).inheritIO().start().waitFor();
        } catch (IOException e) {
            System.err.println("could not stop the test OpenSearch: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
