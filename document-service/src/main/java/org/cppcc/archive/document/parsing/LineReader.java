package org.cppcc.archive.document.parsing;

import java.util.ArrayList;
import java.util.List;

import org.cppcc.archive.document.text.MatchForm;

/**
 * Splits the raw text into {@link SourceLine}s: accepts a BOM and LF/CRLF/CR line ends, drops blank lines and
 * page furniture ({@link PageFurniture}), and rejects text that is evidently not a text dump (control characters,
 * absurdly long lines) before any structure is looked at. Characters that failed to decode (U+FFFD, a PDF glyph
 * without a Unicode mapping) are kept as they are, with one warning per affected line.
 */
final class LineReader {

    /** Paragraphs of the seed are < 500 characters; anything this long is not a text dump. */
    static final int MAX_LINE_CHARS = 100_000;

    private LineReader() {
    }

    static List<SourceLine> read(String text, Findings findings) {
        if (text == null || text.isEmpty()) {
            throw new CompilationFormatException(1, "empty text");
        }
        List<SourceLine> lines = new ArrayList<>();
        int number = 0;
        int pos = text.charAt(0) == '\uFEFF' ? 1 : 0;
        int length = text.length();
        boolean blankBefore = false;
        while (pos <= length) {
            int end = pos;
            while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            number++;
            if (end - pos > MAX_LINE_CHARS) {
                throw new CompilationFormatException(number,
                        "line too long (" + (end - pos) + " characters, at most " + MAX_LINE_CHARS + ")");
            }
            String raw = text.substring(pos, end);
            checkCharacters(number, raw, findings);
            String stripped = strip(raw);
            String norm = MatchForm.of(stripped);
            if (norm.isEmpty()) {
                blankBefore = true;
            } else if (!PageFurniture.isPageNumber(norm)) {
                boolean indented = StructuralLines.isSpace(raw.charAt(0));
                lines.add(new SourceLine(number, stripped, norm, indented, blankBefore));
                blankBefore = false;
            }
            if (end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n') {
                end++;
            }
            pos = end + 1;
        }
        lines = PageFurniture.withoutRunningHeaders(lines);
        if (lines.isEmpty()) {
            throw new CompilationFormatException(1, "empty text");
        }
        return lines;
    }

    /** Removes surrounding whitespace, including U+3000 and no-break spaces that {@link String#strip()} keeps. */
    private static String strip(String raw) {
        int from = 0;
        int to = raw.length();
        while (from < to && StructuralLines.isSpace(raw.charAt(from))) {
            from++;
        }
        while (to > from && StructuralLines.isSpace(raw.charAt(to - 1))) {
            to--;
        }
        return raw.substring(from, to);
    }

    /**
     * Binary data decoded as text shows up as control characters: refused. A U+FFFD is a glyph the PDF could not
     * map; the rest of the line is still text, so it is kept and the line flagged.
     */
    private static void checkCharacters(int number, String raw, Findings findings) {
        int replaced = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\f') {
                throw new CompilationFormatException(number, String.format(
                        "unexpected character U+%04X at column %d (binary data or wrong encoding?)", (int) c, i + 1));
            }
            replaced += c == '\uFFFD' ? 1 : 0;
        }
        if (replaced > 0) {
            findings.noted(number, replaced + " character" + (replaced == 1 ? "" : "s")
                    + " could not be decoded (U+FFFD, a glyph without a Unicode mapping): kept as they are");
        }
    }
}
