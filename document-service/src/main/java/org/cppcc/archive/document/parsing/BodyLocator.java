package org.cppcc.archive.document.parsing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cppcc.archive.document.text.MatchForm;

/**
 * Splits the text after the cover into speech bodies. A body starts with a header: the speech's table of
 * contents title (possibly wrapped over a few lines) followed by a committee line; it runs to the next header
 * or the end of the text. Bodies must follow table-of-contents order; speeches may lack a body.
 */
final class BodyLocator {

    private static final int MAX_TITLE_LINES = 3;

    /** A header found at some line: the speech it opens and the index of its committee line. */
    private record Header(TocReader.Entry entry, int titleIndex, int committeeIndex) {
    }

    private final List<SourceLine> lines;
    private final List<TocReader.Entry> entries;
    /** Entries by the first character of their normalised title: only those can start at a given line. */
    private final Map<Character, List<TocReader.Entry>> byFirstChar = new HashMap<>();
    private final Map<TocReader.Entry, String> titleKeys = new HashMap<>();

    private BodyLocator(List<SourceLine> lines, List<TocReader.Entry> entries) {
        this.lines = lines;
        this.entries = entries;
        for (TocReader.Entry e : entries) {
            String key = MatchForm.of(e.title());
            titleKeys.put(e, key);
            byFirstChar.computeIfAbsent(key.charAt(0), c -> new ArrayList<>()).add(e);
        }
    }

    /** Body of each speech by TOC position; null where the compilation has no body for it. */
    static BodyReader.Body[] read(List<SourceLine> lines, int start, List<TocReader.Entry> entries) {
        return new BodyLocator(lines, entries).read(start);
    }

    private BodyReader.Body[] read(int start) {
        BodyReader.Body[] bodies = new BodyReader.Body[entries.size()];
        if (start < lines.size() && header(start) == null) {
            SourceLine line = lines.get(start);
            throw new CompilationFormatException(line.number(), "expected the title line of a speech body (a table "
                    + "of contents title followed by its committee line), found '" + BookmarkReader.excerpt(line.text()) + "'");
        }
        int lastOrder = 0;
        int i = start;
        while (i < lines.size()) {
            Header h = header(i);
            TocReader.Entry entry = h.entry();
            if (entry.order() <= lastOrder) {
                throw new CompilationFormatException(lines.get(i).number(), "body of speech " + entry.order() + " ("
                        + entry.committee() + ") comes after the body of speech " + lastOrder
                        + ": bodies out of table-of-contents order");
            }
            SourceLine committeeLine = lines.get(h.committeeIndex());
            if (!StructuralLines.committeeKey(StructuralLines.committeeName(committeeLine.text()))
                    .equals(StructuralLines.committeeKey(entry.committee()))) {
                throw new CompilationFormatException(committeeLine.number(), "committee line '" + committeeLine.text()
                        + "' of the body titled '" + entry.title() + "' does not match table of contents entry "
                        + entry.order() + " (" + entry.committee() + ")");
            }
            int end = h.committeeIndex() + 1;
            while (end < lines.size() && header(end) == null) {
                end++;
            }
            bodies[entry.order() - 1] = BodyReader.read(lines.subList(h.committeeIndex() + 1, end));
            lastOrder = entry.order();
            i = end;
        }
        return bodies;
    }

    /** The header starting at line {@code i}, or null. */
    private Header header(int i) {
        String first = lines.get(i).norm();
        List<TocReader.Entry> candidates = byFirstChar.getOrDefault(first.charAt(0), List.of());
        Header found = null;
        for (TocReader.Entry e : candidates) {
            String key = titleKeys.get(e);
            if (!key.startsWith(first)) {
                continue;
            }
            // rejoin a wrapped title line by line while it stays a prefix of the TOC title
            StringBuilder joined = new StringBuilder(first);
            int k = i;
            while (joined.length() < key.length() && k + 1 < lines.size() && k - i + 1 < MAX_TITLE_LINES
                    && key.startsWith(joined + lines.get(k + 1).norm())) {
                k++;
                joined.append(lines.get(k).norm());
            }
            if (joined.length() != key.length() || k + 1 >= lines.size()
                    || !StructuralLines.isCommitteeLine(lines.get(k + 1))) {
                continue;
            }
            Header h = new Header(e, i, k + 1);
            // Two speeches may share a title: prefer the one whose committee is on the next line.
            if (found == null || committeeMatches(h)) {
                found = h;
            }
        }
        return found;
    }

    private boolean committeeMatches(Header h) {
        return StructuralLines.committeeKey(StructuralLines.committeeName(lines.get(h.committeeIndex()).text()))
                .equals(StructuralLines.committeeKey(h.entry().committee()));
    }
}
