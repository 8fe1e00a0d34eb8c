package org.cppcc.archive.search.analysis;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The data files the analysis chain reads from its libraries' jars: jieba's dictionary and model, opencc4j's table. */
final class DataFiles {

    private DataFiles() {
    }

    /** The file {@code name} of the jar that holds {@code owner}, a class of {@code library}, as UTF-8 lines. */
    static BufferedReader open(Class<?> owner, String library, String name) {
        InputStream in = owner.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(library + "'s " + name + " is not on the class path");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
