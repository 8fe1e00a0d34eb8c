package org.cppcc.archive.document.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.cppcc.archive.document.divisions.Gazetteer;
import org.cppcc.archive.document.divisions.Region;
import org.cppcc.archive.document.divisions.SpeakerKind;

/**
 * Parses the raw PDF text dump of a compilation of speeches (经验交流会发言材料汇编):
 * bookmark block → table of contents (目录) → cover (title, subtitle, date) → speech bodies.
 * Either the whole text is understood and returned, or a {@link CompilationFormatException} names the first
 * line that could not be made sense of; nothing is half-returned. Stateless and thread-safe.
 */
public final class CompilationParser {

    private final Gazetteer gazetteer;

    public CompilationParser(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    public ParsedCompilation parse(String text) {
        return parse(text, ParseOptions.TEXT);
    }

    public ParsedCompilation parse(String text, ParseOptions options) {
        List<SourceLine> lines = LineReader.read(text);
        BookmarkReader.Bookmarks bookmarks = BookmarkReader.read(lines);
        TocReader.Toc toc = TocReader.read(lines, bookmarks.tocLineIndex());
        // the cover first: a text cut inside the TOC is reported where it ends, not as a bookmark mismatch
        CoverReader.Cover cover = CoverReader.read(lines, toc.endIndex());
        checkBookmarksAgainstToc(bookmarks, toc, lines.get(bookmarks.tocLineIndex()));
        BodyReader.Body[] bodies = BodyLocator.read(lines, cover.endIndex(), toc.entries());

        List<ParsedSpeech> speeches = new ArrayList<>();
        for (TocReader.Entry entry : toc.entries()) {
            int i = entry.order() - 1;
            BodyReader.Body body = bodies[i];
            List<String> outline = bookmarks.outlines().isEmpty() ? List.of() : bookmarks.outlines().get(i);
            speeches.add(new ParsedSpeech(entry.order(), entry.committee(), SpeakerKind.COMMITTEE, null,
                    gazetteer.resolve(entry.committee(), null).orElse(null), entry.title(), entry.page(),
                    body != null, body != null && body.truncated(),
                    body == null ? List.of() : body.lead(),
                    body == null ? List.of() : body.sections(),
                    outline));
        }
        String province = gazetteer.inferProvince(toc.entries().stream().map(TocReader.Entry::committee).toList())
                .map(Region::name).orElse(null);
        return new ParsedCompilation(cover.title(), cover.subtitle(), cover.meeting(), cover.date(),
                province, speeches, List.of(), List.of(), 1.0);
    }

    /** The bookmarks, when present, must list the same committees as the TOC and one heading group per speech. */
    private static void checkBookmarksAgainstToc(BookmarkReader.Bookmarks bookmarks, TocReader.Toc toc,
                                                 SourceLine tocHeader) {
        List<BookmarkReader.Committee> committees = bookmarks.committees();
        List<TocReader.Entry> entries = toc.entries();
        for (int i = 0; i < committees.size() && i < entries.size(); i++) {
            String bookmarked = committees.get(i).committee();
            if (!StructuralLines.committeeKey(bookmarked).equals(StructuralLines.committeeKey(entries.get(i).committee()))) {
                throw new CompilationFormatException(committees.get(i).line(), "bookmarked committee " + (i + 1) + " ("
                        + bookmarked + ") differs from table of contents entry " + (i + 1) + " ("
                        + entries.get(i).committee() + ")");
            }
        }
        if (!committees.isEmpty() && committees.size() != entries.size()) {
            throw new CompilationFormatException(tocHeader.number(), "the bookmarks list " + committees.size()
                    + " committees but the table of contents has " + entries.size() + " entries");
        }
        int groups = bookmarks.outlines().size();
        if (groups != 0 && groups != entries.size()) {
            throw new CompilationFormatException(tocHeader.number(), "the bookmarks hold " + groups
                    + " groups of section headings but the table of contents has " + entries.size() + " speeches");
        }
    }
}
