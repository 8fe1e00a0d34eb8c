package org.cppcc.archive.document.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.cppcc.archive.document.text.MatchForm;

/**
 * Splits the raw text into {@link SourceLine}s: accepts a BOM and LF/CRLF/CR line ends, drops blank lines and
 * page-number lines ({@code — 3 —}, {@code -3-}, {@code - 3 -}), and rejects text that is evidently not a text
 * dump (control characters, undecodable bytes, absurdly long lines) before any structure is looked at.
 */
final class LineReader {

    /** Paragraphs of the seed are < 500 characters; anything this long is not a PDF text dump. */
    static final int MAX_LINE_CHARS = 100_000;

    /** A page number framed by dashes, on a line of its own (after normalisation, so no spaces). */
    private static final Pattern PAGE_NUMBER = Pattern.compile("[-—–‐‑―~]{1,3}\\d{1,4}[-—–‐‑―~]{1,3}|第\\d{1,4}页");

    private LineReader() {
    }

    static List<SourceLine> read(String text) {
        if (text == null || text.isEmpty()) {
            throw new CompilationFormatException(1, "empty text");
        }
        int start = text.charAt(0) == '\uFEFF' ? 1 : 0;
        List<SourceLine> lines = new ArrayList<>();
        int number = 0;
        int pos = start;
        int length = text.length();
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
            checkCharacters(number, raw);
            String stripped = raw.strip();
            String norm = MatchForm.of(stripped);
            // blank also when only no-break or other Unicode spaces remain (strip() keeps U+00A0)
            if (!norm.isEmpty() && !PAGE_NUMBER.matcher(norm).matches()) {
                lines.add(new SourceLine(number, stripped, norm));
            }
            if (end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n') {
                end++;
            }
            pos = end + 1;
        }
        if (lines.isEmpty()) {
            throw new CompilationFormatException(1, "empty text");
        }
        return lines;
    }

    /** Binary data decoded as text shows up as control characters or U+FFFD replacement characters. */
    private static void checkCharacters(int number, String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((Character.isISOControl(c) && c != '\t') || c == '\uFFFD') {
                throw new CompilationFormatException(number, String.format(
                        "unexpected character U+%04X at column %d (binary data or wrong encoding?)", (int) c, i + 1));
            }
        }
    }
}
