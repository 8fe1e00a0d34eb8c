package org.cppcc.archive.document.parsing;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the PDF bookmark block that precedes the table of contents: the numbered committee list, then the
 * section headings of every speech (a group starts at each 一、). The block is optional: a text may start
 * directly with 目录.
 */
final class BookmarkReader {

    record Committee(int number, String committee, int line) {
    }

    /**
     * @param committees   the numbered committee list
     * @param outlines     one list of headings per speech, in order (raw bookmark text, e.g. 一、强引领)
     * @param tocLineIndex index (in the line list) of the 目录 line
     */
    record Bookmarks(List<Committee> committees, List<List<String>> outlines, int tocLineIndex) {
    }

    private BookmarkReader() {
    }

    static Bookmarks read(List<SourceLine> lines) {
        SourceLine first = lines.get(0);
        if (!StructuralLines.isTocHeader(first) && StructuralLines.numberedCommittee(first) == null) {
            throw new CompilationFormatException(first.number(),
                    "expected the bookmark list (1.政协…委员会:) or the table of contents (目录), found '"
                            + excerpt(first.text()) + "'");
        }
        List<Committee> committees = new ArrayList<>();
        List<List<String>> outlines = new ArrayList<>();
        int lastOrdinal = 0;
        int i = 0;
        for (; i < lines.size() && !StructuralLines.isTocHeader(lines.get(i)); i++) {
            SourceLine line = lines.get(i);
            StructuralLines.NumberedCommittee committee = StructuralLines.numberedCommittee(line);
            int ordinal = StructuralLines.headingOrdinal(line.text());
            if (committee != null) {
                if (committee.number() != committees.size() + 1) {
                    throw new CompilationFormatException(line.number(), "bookmark committee numbered "
                            + committee.number() + " where " + (committees.size() + 1) + " was expected (out of order)");
                }
                committees.add(new Committee(committee.number(), committee.committee(), line.number()));
            } else if (ordinal == 1) {
                outlines.add(new ArrayList<>(List.of(line.text())));
                lastOrdinal = 1;
            } else if (ordinal > 1) {
                if (outlines.isEmpty() || ordinal != lastOrdinal + 1) {
                    throw new CompilationFormatException(line.number(), "bookmark heading '" + excerpt(line.text())
                            + "' is out of sequence (expected ordinal " + (lastOrdinal + 1) + ")");
                }
                outlines.get(outlines.size() - 1).add(line.text());
                lastOrdinal = ordinal;
            }
            // Anything else is a stray bookmark that points into a paragraph (the seed has 37.3%提升到57.1%
            // among speech 10's headings): PDF bookmarks are single lines, so it cannot be a wrapped
            // heading; it is not a section of any speech and is left out of the outline.
        }
        if (i == lines.size()) {
            throw new CompilationFormatException(lines.get(lines.size() - 1).number(),
                    "no table of contents (目录) found before the end of the text");
        }
        return new Bookmarks(committees, outlines, i);
    }

    static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
