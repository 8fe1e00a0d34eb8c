package org.cppcc.archive.document.parsing;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the table of contents after 目录: per speech a numbered committee line, then a title line ending in a
 * dotted leader and the page number. A title may wrap over a few lines; only the last carries the leader.
 * The table ends at the first line that is not a numbered committee line where one could start.
 */
final class TocReader {

    /** Longest wrapped title accepted, in lines: beyond this the entry is taken as missing its page number. */
    private static final int MAX_TITLE_LINES = 3;

    record Entry(int order, String committee, String title, int page, int committeeLine, int titleLine) {
    }

    record Toc(List<Entry> entries, int endIndex) {
    }

    private TocReader() {
    }

    /** @param tocHeaderIndex index of the 目录 line */
    static Toc read(List<SourceLine> lines, int tocHeaderIndex) {
        List<Entry> entries = new ArrayList<>();
        int i = tocHeaderIndex + 1;
        while (i < lines.size()) {
            SourceLine committeeLine = lines.get(i);
            StructuralLines.NumberedCommittee committee = StructuralLines.numberedCommittee(committeeLine);
            if (committee == null) {
                break;
            }
            int order = entries.size() + 1;
            if (committee.number() != order) {
                throw new CompilationFormatException(committeeLine.number(), "table of contents entry numbered "
                        + committee.number() + " where " + order + " was expected (entries out of order)");
            }
            i++;
            StringBuilder title = new StringBuilder();
            int firstTitleLine = -1;
            StructuralLines.TocTitle last = null;
            for (int parts = 0; last == null; parts++) {
                SourceLine line = i < lines.size() ? lines.get(i) : null;
                if (line == null || StructuralLines.numberedCommittee(line) != null || parts == MAX_TITLE_LINES) {
                    if (firstTitleLine < 0) {
                        throw new CompilationFormatException(line == null ? committeeLine.number() : line.number(),
                                "table of contents entry " + order + " (" + committee.committee() + ") has no title");
                    }
                    throw new CompilationFormatException(firstTitleLine, "table of contents entry " + order + " ("
                            + committee.committee() + ") has no page number (expected a dotted leader and a page)");
                }
                if (firstTitleLine < 0) {
                    firstTitleLine = line.number();
                }
                last = StructuralLines.tocTitle(line.text());
                title.append(last == null ? line.text() : last.title());
                i++;
            }
            if (title.isEmpty()) {
                throw new CompilationFormatException(firstTitleLine,
                        "table of contents entry " + order + " (" + committee.committee() + ") has no title");
            }
            if (!entries.isEmpty() && last.page() < entries.get(entries.size() - 1).page()) {
                throw new CompilationFormatException(lines.get(i - 1).number(), "table of contents entry " + order
                        + " is on page " + last.page() + ", before the previous entry's page "
                        + entries.get(entries.size() - 1).page() + " (entries out of order)");
            }
            entries.add(new Entry(order, committee.committee(), title.toString(), last.page(),
                    committeeLine.number(), firstTitleLine));
        }
        if (entries.isEmpty()) {
            SourceLine header = lines.get(tocHeaderIndex);
            throw new CompilationFormatException(i < lines.size() ? lines.get(i).number() : header.number(),
                    "the table of contents (目录) has no entries");
        }
        return new Toc(entries, i);
    }
}
