package org.cppcc.archive.document.parsing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cppcc.archive.document.divisions.Gazetteer;

/** Test access to the seed compilation (and other fixtures) on the classpath. */
final class Seed {

    static final String RESOURCE = "/seed/sichuan-cppcc-exchange-2021-09-28.txt";

    private Seed() {
    }

    static String text() {
        return resource(RESOURCE);
    }

    static String resource(String name) {
        try (InputStream in = Seed.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed's physical lines; index 0 is line 1. */
    static List<String> lines() {
        return new ArrayList<>(Arrays.asList(text().split("\n", -1)));
    }

    static String join(List<String> lines) {
        return String.join("\n", lines);
    }

    static ParsedCompilation parse(String text) {
        return new CompilationParser(Gazetteer.national()).parse(text);
    }
}
