package org.cppcc.archive.document.parsing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cppcc.archive.document.text.MatchForm;

/**
 * How a text marks its paragraphs, measured once over all its lines. A hard-wrapped dump says where a paragraph
 * starts by indenting it or by a blank line before it, or not at all (then only a sentence end can close a
 * paragraph); a DOCX has one line per paragraph. A mark counts only when it is selective and stands where
 * paragraphs end: a blank line after every line (double-spaced text) or only at page breaks says nothing.
 *
 * @param paragraphStarts what marks a paragraph start
 * @param fullWidth       lines at least this long (in characters) filled the page width, so may go on on the
 *                        next line
 * @param fixedWidth      the width every wrapped line has, when the text is wrapped at a fixed number of
 *                        characters; 0 when it is not
 */
record Layout(ParagraphStarts paragraphStarts, int fullWidth, int fixedWidth) {

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
    /** Share of the lines after a sentence end that must carry the mark: most paragraph ends are followed by it. */
    private static final double MIN_SIGNAL_AT_PARAGRAPH_ENDS = 0.5;
    /** Lines shorter than this say nothing about the wrap width (headings, speaker lines, page furniture). */
    private static final int MIN_WRAPPED_CHARS = 10;
    /** Share of the longer lines that must have the most common length for the text to count as fixed-width. */
    private static final double MIN_FIXED_WIDTH_SHARE = 0.2;

    static Layout of(List<SourceLine> lines, ParseOptions options) {
        int[] lengths = new int[lines.size()];
        Map<Integer, Integer> byLength = new HashMap<>();
        int longer = 0;
        int indented = 0;
        int afterBlank = 0;
        int afterSentence = 0;
        int indentedAfterSentence = 0;
        int blankAfterSentence = 0;
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            lengths[i] = line.norm().length();
            if (lengths[i] >= MIN_WRAPPED_CHARS) {
                byLength.merge(lengths[i], 1, Integer::sum);
                longer++;
            }
            indented += line.indented() ? 1 : 0;
            afterBlank += line.afterBlank() ? 1 : 0;
            if (i > 0 && StructuralLines.endsSentence(lines.get(i - 1).text())) {
                afterSentence++;
                indentedAfterSentence += line.indented() ? 1 : 0;
                blankAfterSentence += line.afterBlank() ? 1 : 0;
            }
        }
        Arrays.sort(lengths);
        int fullWidth = Math.max(1, lengths[(int) (lengths.length * 0.9)] * 8 / 10);
        int fixedWidth = 0;
        int modeCount = 0;
        for (Map.Entry<Integer, Integer> e : byLength.entrySet()) {
            if (e.getValue() > modeCount || e.getValue() == modeCount && e.getKey() > fixedWidth) {
                fixedWidth = e.getKey();
                modeCount = e.getValue();
            }
        }
        if (modeCount < MIN_FIXED_WIDTH_SHARE * longer || modeCount < 3) {
            fixedWidth = 0;
        } else {
            fullWidth = fixedWidth * 8 / 10;
        }
        ParagraphStarts starts;
        if (options.linesAreParagraphs()) {
            starts = ParagraphStarts.EVERY_LINE;
        } else if (selective(indented, lines.size(), indentedAfterSentence, afterSentence)) {
            starts = ParagraphStarts.INDENTATION;
        } else if (selective(afterBlank, lines.size(), blankAfterSentence, afterSentence)) {
            starts = ParagraphStarts.BLANK_LINE;
        } else {
            starts = ParagraphStarts.SENTENCE_END;
        }
        return new Layout(starts, fullWidth, fixedWidth);
    }

    private static boolean selective(int marked, int lines, int markedAfterSentence, int afterSentence) {
        double share = (double) marked / lines;
        return share >= MIN_SIGNAL_SHARE && share <= MAX_SIGNAL_SHARE
                && markedAfterSentence >= MIN_SIGNAL_AT_PARAGRAPH_ENDS * afterSentence;
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

    /** Whether the line nearly fills the page width, so may go on on the next line (a wrapped title). */
    boolean isFull(SourceLine line) {
        return paragraphStarts != ParagraphStarts.EVERY_LINE && line.norm().length() >= fullWidth;
    }

    /**
     * Whether the line was cut at the fixed wrap width: then even a sentence end at its end may fall inside a
     * paragraph (the wrap landed right after a 。).
     */
    boolean cutAtWidth(String text) {
        return fixedWidth > 0 && MatchForm.of(text).length() >= fixedWidth;
    }
}
