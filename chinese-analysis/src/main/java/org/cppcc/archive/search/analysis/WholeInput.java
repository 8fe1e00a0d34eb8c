package org.cppcc.archive.search.analysis;

import java.io.IOException;
import java.io.Reader;

/** The tokenizers that need a field value whole (to segment it, or to pair characters) read it with this. */
final class WholeInput {

    private WholeInput() {
    }

    /** Replaces the content of {@code into} with everything {@code input} has left. */
    static void read(Reader input, StringBuilder into) throws IOException {
        into.setLength(0);
        char[] buffer = new char[1024];
        for (int n = input.read(buffer); n >= 0; n = input.read(buffer)) {
            into.append(buffer, 0, n);
        }
    }
}
