package org.cppcc.archive.document.parsing;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the PDF bookmark block, wherever it stands outside the table of contents: the numbered speaker list
 * ({@code 1.政协成都市委员会:}, nothing after the colon), then the section headings of every speech (a group
 * starts at each 一、). The block is optional.
 */
final class BookmarkReader {

    record Committee(int number, String committee, int line) {
    }

    /**
     * @param committees one per speech, in order
     * @param outlines   one list of headings per speech, in order (raw bookmark text, e.g. 一、强引领)
     * @param from       index of the block's first line
     * @param to         index after its last line
     */
    record Bookmarks(List<Committee> committees, List<List<String>> outlines, int from, int to) {
    }

    private BookmarkReader() {
    }

    /** The bookmark block, or null: it starts at the first bookmark line numbered 1 outside [tocFrom, tocTo). */
    static Bookmarks find(List<SourceLine> lines, int tocFrom, int tocTo, Findings findings) {
        for (int i = 0; i < lines.size(); i++) {
            if (i == tocFrom) {
                i = tocTo - 1;
                continue;
            }
            StructuralLines.NamedSpeaker first = StructuralLines.numberedSpeaker(lines.get(i).text());
            if (first != null && first.number() == 1) {
                return read(lines, i, i < tocFrom ? tocFrom : lines.size(), findings);
            }
        }
        return null;
    }

    private static Bookmarks read(List<SourceLine> lines, int from, int limit, Findings findings) {
        List<Committee> committees = new ArrayList<>();
        List<List<String>> outlines = new ArrayList<>();
        int lastOrdinal = 0;
        int i = from;
        for (; i < limit; i++) {
            SourceLine line = lines.get(i);
            StructuralLines.NamedSpeaker committee = StructuralLines.numberedSpeaker(line.text());
            HeadingMarker heading = HeadingMarker.of(line.text());
            int ordinal = heading != null && heading.style() == HeadingMarker.Style.CHINESE ? heading.ordinal() : -1;
            if (committee != null && committee.number() > 0 && outlines.isEmpty()) {
                if (committee.number() != committees.size() + 1) {
                    findings.assumed(line.number(), "bookmark committee numbered " + committee.number() + " where "
                            + (committees.size() + 1) + " was expected (out of order)");
                }
                committees.add(new Committee(committee.number(), committee.speaker().name(), line.number()));
            } else if (ordinal == 1 || ordinal > 1 && outlines.isEmpty()) {
                outlines.add(new ArrayList<>(List.of(line.text())));
                lastOrdinal = ordinal;
            } else if (ordinal > 1) {
                if (ordinal != lastOrdinal + 1) {
                    findings.assumed(line.number(), "bookmark heading '" + StructuralLines.excerpt(line.text())
                            + "' is out of sequence (expected ordinal " + (lastOrdinal + 1)
                            + "): taken as the first heading of the next speech");
                    outlines.add(new ArrayList<>(List.of(line.text())));
                } else {
                    outlines.get(outlines.size() - 1).add(line.text());
                }
                lastOrdinal = ordinal;
            } else if (!continuesBlock(lines, i + 1, limit)) {
                break;
            }
            // Anything else inside the block is a stray bookmark that points into a paragraph (the seed has
            // 37.3%提升到57.1% among speech 10's headings): PDF bookmarks are single lines, so it cannot be a
            // wrapped heading; it is not a section of any speech and is left out of the outline.
        }
        return new Bookmarks(committees, outlines, from, i);
    }

    /** A stray line belongs to the block only when the block goes on after it. */
    private static boolean continuesBlock(List<SourceLine> lines, int next, int limit) {
        if (next >= limit) {
            return false;
        }
        HeadingMarker heading = HeadingMarker.of(lines.get(next).text());
        return heading != null && heading.style() == HeadingMarker.Style.CHINESE;
    }
}
