package org.cppcc.archive.document.parsing;

import java.util.Arrays;
import java.util.List;

/**
 * How a text marks its paragraphs, measured once over all its lines. A hard-wrapped dump says where a paragraph
 * starts by indenting it or by a blank line before it, or not at all (then only a sentence end can close a
 * paragraph); a DOCX has one line per paragraph. A signal counts only when it is selective: a blank line after
 * every line (double-spaced text) says nothing.
 *
 * @param paragraphStarts what marks a paragraph start
 * @param wrapWidth       the width (in characters) lines are wrapped at: a line this long may continue
 */
record Layout(ParagraphStarts paragraphStarts, int wrapWidth) {

    enum ParagraphStarts {
        /** one line per paragraph (DOCX): never rejoin lines */
        EVERY_LINE,
        /** indented first lines */
        INDENTATION,
        /** a blank line before each paragraph */
        BLANK_LINE,
        /** nothing: a line that does not end a sentence continues on the next */
        SENTENCE_END
    }

    private static final double MIN_SIGNAL_SHARE = 0.08;
    private static final double MAX_SIGNAL_SHARE = 0.9;

    static Layout of(List<SourceLine> lines, ParseOptions options) {
        int[] lengths = new int[lines.size()];
        int indented = 0;
        int afterBlank = 0;
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            lengths[i] = line.norm().length();
            indented += line.indented() ? 1 : 0;
            afterBlank += line.afterBlank() ? 1 : 0;
        }
        Arrays.sort(lengths);
        int wrapWidth = Math.max(1, lengths[(int) (lengths.length * 0.9)]);
        ParagraphStarts starts;
        if (options.linesAreParagraphs()) {
            starts = ParagraphStarts.EVERY_LINE;
        } else if (selective(indented, lines.size())) {
            starts = ParagraphStarts.INDENTATION;
        } else if (selective(afterBlank, lines.size())) {
            starts = ParagraphStarts.BLANK_LINE;
        } else {
            starts = ParagraphStarts.SENTENCE_END;
        }
        return new Layout(starts, wrapWidth);
    }

    private static boolean selective(int count, int lines) {
        double share = (double) count / lines;
        return share >= MIN_SIGNAL_SHARE && share <= MAX_SIGNAL_SHARE;
    }

    /** Whether the line is marked as starting a paragraph. */
    boolean marksStart(SourceLine line) {
        return switch (paragraphStarts) {
            case EVERY_LINE -> true;
            case INDENTATION -> line.indented();
            case BLANK_LINE -> line.afterBlank();
            case SENTENCE_END -> false;
        };
    }

    /** Whether a line of this many (normalised) characters reaches the wrap width, so may go on on the next line. */
    boolean isFull(SourceLine line) {
        return paragraphStarts != ParagraphStarts.EVERY_LINE && line.norm().length() * 10 >= wrapWidth * 8;
    }
}
