package org.cppcc.archive.document.parsing;

import java.util.Set;

/**
 * How to read a source text.
 *
 * @param strict             refuse (CompilationFormatException) on the first thing that is not understood instead of
 *                           warning and carrying on
 * @param linesAreParagraphs every line is a whole paragraph (DOCX): never rejoin lines as hard wraps
 * @param headingLines       1-based lines the source marks as headings (Word heading styles)
 */
public record ParseOptions(boolean strict, boolean linesAreParagraphs, Set<Integer> headingLines) {

    /** A plain-text dump (PDF text, .txt), lenient. */
    public static final ParseOptions TEXT = new ParseOptions(false, false, Set.of());

    public ParseOptions {
        headingLines = Set.copyOf(headingLines);
    }

    public ParseOptions strictly(boolean strict) {
        return new ParseOptions(strict, linesAreParagraphs, headingLines);
    }
}
