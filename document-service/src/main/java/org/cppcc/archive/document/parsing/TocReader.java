package org.cppcc.archive.document.parsing;

import java.util.ArrayList;
import java.util.List;

import org.cppcc.archive.document.divisions.Speaker;
import org.cppcc.archive.document.text.MatchForm;

/**
 * Reads the table of contents that follows a 目录 line, wherever it stands. Entries come in two forms, mixed
 * freely: two lines (a speaker line {@code 1.政协成都市委员会:}, then the title ending in a leader and the page,
 * possibly wrapped over a few lines) or one line ({@code 1．政协XX市委员会：题目……………1}, or the title first and
 * the speaker in brackets: {@code 一、题目（大理市政协）……2}; numbered or not). The table ends at the first line that
 * is neither.
 */
final class TocReader {

    /** Longest wrapped title accepted, in lines: beyond this the entry is taken as missing its page number. */
    private static final int MAX_TITLE_LINES = 3;

    /**
     * @param order      1-based position in the table
     * @param speaker    the speaker, or null for an entry that names none
     * @param page       the page, or null when the entry has none
     * @param firstIndex index of the entry's first line in the line list
     */
    record Entry(int order, Speaker speaker, String title, Integer page, int firstIndex, int titleLine) {
    }

    /** @param headerIndex index of the 目录 line; @param endIndex index after the last entry line */
    record Toc(List<Entry> entries, int headerIndex, int endIndex) {
    }

    private final List<SourceLine> lines;
    private final Findings findings;
    private final List<Entry> entries = new ArrayList<>();
    private boolean numbered;
    private int i;

    private TocReader(List<SourceLine> lines, Findings findings, int headerIndex) {
        this.lines = lines;
        this.findings = findings;
        this.i = headerIndex + 1;
    }

    /** The table of contents after the first 目录 line, or null when the text has none. */
    static Toc find(List<SourceLine> lines, Findings findings) {
        for (int h = 0; h < lines.size(); h++) {
            if (StructuralLines.isTocHeader(lines.get(h).norm())) {
                return new TocReader(lines, findings, h).read(h);
            }
        }
        return null;
    }

    private Toc read(int headerIndex) {
        while (i < lines.size() && (twoLineEntry() || oneLineEntry())) {
            checkOrder();
        }
        if (entries.isEmpty()) {
            findings.assumed(i < lines.size() ? lines.get(i).number() : lines.get(headerIndex).number(),
                    "the table of contents (目录) has no entries: taken as no table of contents");
        }
        return new Toc(entries, headerIndex, i);
    }

    /** {@code 1．政协XX市委员会：题目……1}, possibly with its title wrapped onto the next line. */
    private boolean oneLineEntry() {
        SourceLine line = lines.get(i);
        int number = StructuralLines.listNumber(line.text());
        StructuralLines.TocTitle titled = StructuralLines.tocTitle(line.text());
        String text = titled != null ? titled.title() : line.text();
        int lineCount = 1;
        if (titled == null && i + 1 < lines.size() && !startsEntry(lines.get(i + 1))) {
            titled = StructuralLines.tocTitle(lines.get(i + 1).text());
            text = titled == null ? null : line.text() + titled.title();
            lineCount = 2;
        }
        if (text == null || text.isBlank()) {
            return false;
        }
        String rest = text.substring(StructuralLines.afterListNumber(text));
        StructuralLines.SpeakerAndTitle st = StructuralLines.speakerAndTitle(rest);
        if (st == null) {
            st = StructuralLines.titleThenSpeaker(rest);
        }
        if (st == null && (titled == null || lineCount == 2) || !mayStart(number) || number == 0 && titled == null) {
            return false;
        }
        Integer page = titled == null ? null : titled.page();
        if (st == null) {
            if (StructuralLines.isPrefaceHeading(MatchForm.of(rest))) {
                i += lineCount; // the preface's own entry (前言……1): part of the table, not a speech
                return true;
            }
            add(number, null, rest.strip(), page, line);
        } else {
            add(number, st.speaker(), st.title(), page, line);
        }
        i += lineCount;
        return true;
    }

    /** {@code 1.政协成都市委员会:} then the title line(s) ending in a leader and the page. */
    private boolean twoLineEntry() {
        SourceLine speakerLine = lines.get(i);
        StructuralLines.NamedSpeaker named = StructuralLines.numberedSpeaker(speakerLine.text());
        if (named == null || !mayStart(named.number())) {
            return false;
        }
        int order = entries.size() + 1;
        String speaker = named.speaker().name();
        int first = i;
        i++;
        StringBuilder title = new StringBuilder();
        int firstTitleLine = -1;
        Integer page = null;
        for (int parts = 0; page == null; parts++) {
            SourceLine line = i < lines.size() ? lines.get(i) : null;
            if (line == null || startsEntry(line) || parts == MAX_TITLE_LINES) {
                if (named.number() == 0) {
                    i = first; // an unnumbered speaker line without a paged title: the text after the table
                    return false;
                }
                if (firstTitleLine < 0) {
                    findings.assumed(line == null ? speakerLine.number() : line.number(),
                            "table of contents entry " + order + " (" + speaker + ") has no title");
                    firstTitleLine = speakerLine.number();
                } else {
                    findings.assumed(firstTitleLine, "table of contents entry " + order + " (" + speaker
                            + ") has no page number (expected a leader and a page)");
                }
                break;
            }
            if (firstTitleLine < 0) {
                firstTitleLine = line.number();
            }
            StructuralLines.TocTitle titled = StructuralLines.tocTitle(line.text());
            title.append(titled == null ? line.text() : titled.title());
            page = titled == null ? null : titled.page();
            i++;
        }
        if (title.isEmpty() && page != null) {
            findings.assumed(firstTitleLine, "table of contents entry " + order + " (" + speaker + ") has no title");
        }
        if (title.isEmpty()) {
            title.append(speaker); // nothing else names the speech
        }
        entries.add(new Entry(order, named.speaker(), title.toString(), page, first, firstTitleLine));
        checkNumber(named.number(), order, speakerLine);
        return true;
    }

    /** Once the table numbers its entries, an unnumbered line is no entry of it but the text after it. */
    private boolean mayStart(int number) {
        return number != 0 || entries.isEmpty() || !numbered;
    }

    private void add(int number, Speaker speaker, String title, Integer page, SourceLine line) {
        int order = entries.size() + 1;
        entries.add(new Entry(order, speaker, title, page, i, line.number()));
        checkNumber(number, order, line);
    }

    private void checkNumber(int number, int order, SourceLine line) {
        numbered |= order == 1 && number != 0;
        if (number != 0 && number != order) {
            findings.assumed(line.number(), "table of contents entry numbered " + number + " where " + order
                    + " was expected (entries out of order): taken as entry " + order);
        }
    }

    private void checkOrder() {
        Entry entry = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        if (entries.size() < 2 || entry.page() == null) {
            return;
        }
        Integer previous = entries.get(entries.size() - 2).page();
        if (previous != null && entry.page() < previous) {
            findings.assumed(lines.get(i - 1).number(), "table of contents entry " + entry.order() + " is on page "
                    + entry.page() + ", before the previous entry's page " + previous + " (entries out of order)");
        }
    }

    /** A line that opens an entry of either form. */
    private static boolean startsEntry(SourceLine line) {
        String text = line.text();
        return StructuralLines.numberedSpeaker(text) != null
                || StructuralLines.speakerAndTitle(text.substring(StructuralLines.afterListNumber(text))) != null;
    }
}
