package org.cppcc.archive.document.parsing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one speech body (the lines after its header) into lead paragraphs and numbered sections, rejoining
 * hard-wrapped lines.
 *
 * <p>Sections: the top-level numbering is the style ({@code 一、} {@code （一）} {@code 1.} {@code 1、}
 * {@code 第一，}) that opens the body's numbering with 1 and goes on to 2; lines numbered in any other style
 * (lower levels such as （一） under 一、) start paragraphs of their section. Lines the source marks as headings
 * (Word heading styles) are section headings too. A heading that runs on into its text
 * ({@code 一、强化政治引领。坚持把……}) is split after the first 。: the heading up to it, the first paragraph after.
 *
 * <p>Wrapping: where the layout marks paragraph starts (indentation, blank lines, one line per paragraph) those
 * marks decide. Otherwise every paragraph ends with sentence-final punctuation (。！？；… or a colon, possibly
 * followed by a closing quote), so a line that does not end that way continues on the next line. Headings never
 * end that way, so they need their own rule: a heading continues only when its line is long enough to have been
 * wrapped and the next line is a short fragment without any sentence end (seed speech 4:
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

    /** A block being assembled from lines: a section heading, a lower-level heading or a paragraph. */
    private static final class Block {
        final StringBuilder text;
        final int firstLineChars;
        final HeadingMarker section; // non-null: this block is a section heading with this marker
        final boolean headingLike;   // a heading (of any level) that has not run on into a sentence
        String lastLine;

        Block(String text, HeadingMarker section, boolean headingLike) {
            this.text = new StringBuilder(text);
            this.firstLineChars = text.length();
            this.section = section;
            this.headingLike = headingLike && !StructuralLines.containsSentenceEnd(text);
            this.lastLine = text;
        }

        void append(String line) {
            text.append(line);
            lastLine = line;
        }
    }

    private final Layout layout;
    private final Set<Integer> headingLines;
    private final Findings findings;
    private final HeadingMarker.Style topStyle;
    private final List<String> lead = new ArrayList<>();
    private final List<ParsedSection> sections = new ArrayList<>();
    private String heading;
    private int ordinal;        // of the section being read
    private int lastOpened;     // of the last section heading seen, stored or still open
    private List<String> paragraphs;
    private Block open;

    private BodyReader(Layout layout, ParseOptions options, Findings findings, HeadingMarker.Style topStyle) {
        this.layout = layout;
        this.headingLines = options.headingLines();
        this.findings = findings;
        this.topStyle = topStyle;
    }

    static Body read(List<SourceLine> lines, Layout layout, ParseOptions options, Findings findings) {
        BodyReader reader = new BodyReader(layout, options, findings, topStyle(lines, options.headingLines()));
        for (SourceLine line : lines) {
            reader.accept(line);
        }
        return reader.finish();
    }

    /** Lines joined into paragraphs with no sections (a preface): every numbering starts a paragraph. */
    static List<String> paragraphs(List<SourceLine> lines, Layout layout) {
        BodyReader reader = new BodyReader(layout, ParseOptions.TEXT, new Findings(false), null);
        for (SourceLine line : lines) {
            reader.accept(line);
        }
        reader.close();
        return reader.lead;
    }

    /**
     * The numbering style of the sections: of the styles whose ordinal 1 opens a line, the first that goes on to
     * ordinal 2 (else the first at all). A style that a Word heading line carries wins.
     */
    static HeadingMarker.Style topStyle(List<SourceLine> lines, Set<Integer> headingLines) {
        List<HeadingMarker.Style> opened = new ArrayList<>();
        Set<HeadingMarker.Style> continued = EnumSet.noneOf(HeadingMarker.Style.class);
        for (SourceLine line : lines) {
            HeadingMarker m = HeadingMarker.of(line.text());
            if (m == null) {
                continue;
            }
            if (headingLines.contains(line.number())) {
                return m.style();
            }
            if (m.ordinal() == 1 && !opened.contains(m.style())) {
                opened.add(m.style());
            } else if (m.ordinal() == 2 && opened.contains(m.style())) {
                continued.add(m.style());
            }
        }
        for (HeadingMarker.Style style : opened) {
            if (continued.contains(style)) {
                return style;
            }
        }
        return opened.isEmpty() ? null : opened.get(0);
    }

    private void accept(SourceLine line) {
        String text = line.text();
        HeadingMarker m = HeadingMarker.of(text);
        boolean wordHeading = headingLines.contains(line.number());
        if (m != null && m.style() == topStyle && m.ordinal() > lastOpened || wordHeading && m == null) {
            int expected = lastOpened + 1;
            if (m != null && m.ordinal() != expected) {
                findings.assumed(line.number(), "section '" + StructuralLines.excerpt(text) + "' is out of sequence"
                        + " (expected section " + expected + "): taken as section " + m.ordinal());
            }
            close();
            open = new Block(text, m != null ? m : new HeadingMarker(null, expected, 0), true);
            lastOpened = open.section.ordinal();
            return;
        }
        // Another numbering (（一） under 一、) starts a paragraph; a lower ordinal of the section numbering
        // (一、 inside section 二) is an enumeration inside the text: an ordinary line.
        boolean subHeading = m != null && m.style() != topStyle || wordHeading;
        if (open != null && !subHeading && continues(open, line)) {
            open.append(text);
            return;
        }
        close();
        open = new Block(text, null, subHeading);
    }

    private boolean continues(Block block, SourceLine next) {
        String text = next.text();
        if (layout.paragraphStarts() == Layout.ParagraphStarts.EVERY_LINE) {
            return false;
        }
        if (block.headingLike) {
            return !layout.marksStart(next)
                    && block.firstLineChars >= MIN_WRAPPED_HEADING_CHARS
                    && !StructuralLines.endsSentence(block.lastLine)
                    && !StructuralLines.containsSentenceEnd(text)
                    && text.length() * 2 <= block.firstLineChars
                    && block.text.length() + text.length() <= MAX_HEADING_CHARS;
        }
        return switch (layout.paragraphStarts()) {
            case INDENTATION -> !next.indented();
            // a blank line where a sentence goes on is a page break, not a paragraph break
            case BLANK_LINE -> !next.afterBlank() || !StructuralLines.endsSentence(block.lastLine);
            default -> !StructuralLines.endsSentence(block.lastLine) || layout.cutAtWidth(block.lastLine);
        };
    }

    /** Stores the open block as a section heading (starting a section) or as a paragraph of the current section. */
    private void close() {
        if (open == null) {
            return;
        }
        String text = open.text.toString();
        if (open.section != null) {
            startSection(open.section, text);
        } else {
            (paragraphs == null ? lead : paragraphs).add(text);
        }
        open = null;
    }

    /**
     * The heading is the text after the ordinal; if it runs on past a 。, the heading ends with that 。 and the rest
     * is the first paragraph.
     */
    private void startSection(HeadingMarker marker, String text) {
        endSection();
        String after = marker.textOf(text);
        paragraphs = new ArrayList<>();
        ordinal = marker.ordinal();
        int stop = after.indexOf('。');
        if (stop < 0) {
            heading = after;
            return;
        }
        heading = after.substring(0, stop + 1).strip();
        String rest = after.substring(stop + 1).strip();
        if (!rest.isEmpty()) {
            paragraphs.add(rest);
        }
    }

    private void endSection() {
        if (paragraphs != null) {
            sections.add(new ParsedSection(ordinal, heading, paragraphs));
        }
    }

    private Body finish() {
        // Cut off mid-sentence: the body does not end with a complete paragraph (or ends on a bare heading).
        boolean truncated = open == null || open.section != null && open.headingLike
                || !StructuralLines.endsSentence(open.lastLine);
        close();
        endSection();
        return new Body(lead, sections, truncated);
    }
}
