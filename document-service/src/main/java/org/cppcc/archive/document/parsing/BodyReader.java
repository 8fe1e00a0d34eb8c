package org.cppcc.archive.document.parsing;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one speech body (the lines after its committee line) into lead paragraphs and numbered sections,
 * rejoining hard-wrapped lines.
 *
 * <p>Wrapping rules, from the PDF dump: every paragraph ends with sentence-final punctuation (。！？；… or a
 * colon, possibly followed by a closing quote), so a line that does not end that way continues on the next
 * line. Headings never end that way, so they need their own rule: a heading continues only when its line is
 * long enough to have been wrapped and the next line is a short fragment without any sentence end (speech 4:
 * {@code 一、…系统搭建“有事来协商”四} + {@code 级平台}). A line starting with the next section ordinal always
 * starts a section, so two real blocks are never merged across a heading.
 */
final class BodyReader {

    /** A heading line shorter than this cannot have been wrapped by the PDF layout (lines hold ~34 characters). */
    static final int MIN_WRAPPED_HEADING_CHARS = 20;
    /** No heading is longer than this; stops a runaway heading on odd input. */
    static final int MAX_HEADING_CHARS = 120;

    record Body(List<String> lead, List<ParsedSection> sections, boolean truncated) {
    }

    /** A block being assembled from lines: a heading or a paragraph. */
    private static final class Block {
        final StringBuilder text;
        final int firstLineChars;
        final boolean headingLike; // section heading or （一） sub-heading: wraps by the heading rule

        Block(String text, boolean headingLike) {
            this.text = new StringBuilder(text);
            this.firstLineChars = text.length();
            this.headingLike = headingLike;
        }

        boolean continuesWith(String next) {
            String soFar = text.toString();
            if (!headingLike) {
                return !StructuralLines.endsSentence(soFar);
            }
            return firstLineChars >= MIN_WRAPPED_HEADING_CHARS
                    && !StructuralLines.endsSentence(soFar)
                    && !StructuralLines.containsSentenceEnd(next)
                    && next.length() * 2 <= firstLineChars
                    && soFar.length() + next.length() <= MAX_HEADING_CHARS;
        }
    }

    private final List<String> lead = new ArrayList<>();
    private final List<String> headings = new ArrayList<>();
    private final List<List<String>> sectionParagraphs = new ArrayList<>();
    private Block open;                 // the block the next line may continue
    private boolean openIsSectionHeading;

    private BodyReader() {
    }

    static Body read(List<SourceLine> lines) {
        BodyReader reader = new BodyReader();
        for (SourceLine line : lines) {
            reader.accept(line);
        }
        return reader.finish();
    }

    private void accept(SourceLine line) {
        String text = line.text();
        int ordinal = StructuralLines.headingOrdinal(text);
        int expected = headings.size() + 1;
        if (ordinal == expected) {
            close();
            open = new Block(text, true);
            openIsSectionHeading = true;
            return;
        }
        if (ordinal > expected) {
            throw new CompilationFormatException(line.number(), "section '" + BookmarkReader.excerpt(text)
                    + "' is out of sequence (expected section " + ChineseNumerals.format(expected) + "、)");
        }
        // A lower ordinal (一、 inside section 二) is an enumeration inside the text: an ordinary line.
        boolean subHeading = StructuralLines.isSubHeading(line);
        if (open != null && !subHeading && open.continuesWith(text)) {
            open.text.append(text);
            return;
        }
        close();
        open = new Block(text, subHeading);
        openIsSectionHeading = false;
    }

    /** Stores the open block as a heading (starting a section) or as a paragraph of the current section. */
    private void close() {
        if (open == null) {
            return;
        }
        if (openIsSectionHeading) {
            headings.add(StructuralLines.headingText(open.text.toString()));
            sectionParagraphs.add(new ArrayList<>());
        } else {
            (headings.isEmpty() ? lead : sectionParagraphs.get(sectionParagraphs.size() - 1)).add(open.text.toString());
        }
        open = null;
    }

    private Body finish() {
        // Cut off mid-sentence: the body does not end with a complete paragraph (or ends on a bare heading).
        boolean truncated = open == null || openIsSectionHeading || !StructuralLines.endsSentence(open.text.toString());
        close();
        List<ParsedSection> sections = new ArrayList<>();
        for (int s = 0; s < headings.size(); s++) {
            sections.add(new ParsedSection(s + 1, headings.get(s), sectionParagraphs.get(s)));
        }
        return new Body(lead, sections, truncated);
    }
}
