package org.cppcc.archive.stats.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The repository owns every MongoDB call: no class outside {@code repository/} (and {@code store/}, which starts the
 * embedded server) imports the MongoDB driver or BSON.
 */
class MongoCallsTest {

    static final Path SOURCES = Path.of("src/main/java/org/cppcc/archive/stats");
    static final Pattern MONGO = Pattern.compile("^import (static )?(com\\.mongodb|org\\.bson)\\.", Pattern.MULTILINE);

    @Test
    void onlyTheRepositoryTouchesMongoDb() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(SOURCES.resolve("repository")) && !f.startsWith(SOURCES.resolve("store")))
                    .filter(f -> MONGO.matcher(read(f)).find()).map(f -> SOURCES.relativize(f).toString()).toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
