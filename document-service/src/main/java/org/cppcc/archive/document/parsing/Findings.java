package org.cppcc.archive.document.parsing;

import java.util.ArrayList;
import java.util.List;

/**
 * What the parser assumed while reading one text. Lenient: collected as warnings for the import preview. Strict:
 * the first thing not understood refuses the text, naming its line.
 */
final class Findings {

    private final boolean strict;
    private final List<ParseWarning> warnings = new ArrayList<>();

    Findings(boolean strict) {
        this.strict = strict;
    }

    /** Records an assumption; in strict mode refuses the text instead. */
    void assumed(int line, String message) {
        if (strict) {
            throw new CompilationFormatException(line, message);
        }
        warnings.add(new ParseWarning(line, message));
    }

    /** Records something the admin should check that does not make the text less understood; never refuses. */
    void noted(int line, String message) {
        warnings.add(new ParseWarning(line, message));
    }

    List<ParseWarning> warnings() {
        return warnings;
    }
}
