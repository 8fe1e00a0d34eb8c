package org.cppcc.archive.document.parsing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.cppcc.archive.document.divisions.Gazetteer;
import org.cppcc.archive.document.divisions.Region;
import org.cppcc.archive.document.divisions.Speaker;
import org.cppcc.archive.document.divisions.SpeakerKind;

/**
 * Parses the text of a compilation of speeches (经验交流会发言材料汇编, 大会发言, 座谈会交流材料): a PDF text dump, a
 * .txt, or the paragraphs of a DOCX. Finds whatever parts the text has, in any order, each optional: a table of
 * contents (目录), a PDF bookmark block, a cover, a preface, and the speech bodies with their headers. What it had
 * to assume is reported as warnings, text it could not place is listed as unplaced, and the coverage figure says
 * how much of the text ended up in the compilation. A {@link CompilationFormatException} names the line when
 * nothing speech-like exists, or, with {@link ParseOptions#strict()}, the first thing not understood.
 * Stateless and thread-safe; linear in the length of the text.
 */
public final class CompilationParser {

    /** Speakers that are regional bodies, so should resolve to a division. */
    private static final Set<SpeakerKind> REGIONAL = EnumSet.of(SpeakerKind.COMMITTEE, SpeakerKind.PARTY,
            SpeakerKind.FEDERATION, SpeakerKind.SPECIAL_COMMITTEE);

    /** Stands for a speaker neither the TOC nor the body names (with a warning); resolves to no region. */
    private static final Speaker NO_SPEAKER = new Speaker("", SpeakerKind.COMMITTEE, null);

    private final Gazetteer gazetteer;

    public CompilationParser(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    public ParsedCompilation parse(String text) {
        return parse(text, ParseOptions.TEXT);
    }

    public ParsedCompilation parse(String text, ParseOptions options) {
        Findings findings = new Findings(options.strict());
        List<SourceLine> lines = LineReader.read(text, findings);
        Claims claims = new Claims(lines.size());
        Layout layout = Layout.of(lines, options);

        TocReader.Toc toc = TocReader.find(lines, findings);
        List<TocReader.Entry> entries = toc == null ? List.of() : toc.entries();
        if (toc != null) {
            claims.claim(toc.headerIndex(), toc.endIndex(), Claims.Part.TOC);
        }
        BookmarkReader.Bookmarks bookmarks = toc == null
                ? BookmarkReader.find(lines, lines.size(), lines.size(), findings)
                : BookmarkReader.find(lines, toc.headerIndex(), toc.endIndex(), findings);
        if (bookmarks != null) {
            claims.claim(bookmarks.from(), bookmarks.to(), Claims.Part.BOOKMARKS);
            if (!entries.isEmpty()) {
                checkBookmarksAgainstToc(bookmarks, entries, lines.get(toc.headerIndex()), findings);
            }
        }
        List<HeaderFinder.Header> headers = HeaderFinder.find(lines, claims, layout, entries, findings);
        if (entries.isEmpty() && headers.isEmpty()) {
            throw new CompilationFormatException(lines.get(0).number(), "no speech found: expected a table of "
                    + "contents (目录) or speech headers (a title with its speaker line, e.g. 政协成都市委员会)");
        }
        FrontMatter.Result front = FrontMatter.read(lines, claims, layout, findings,
                headers.isEmpty() ? lines.size() : headers.get(0).start());
        List<BodyReader.Body> bodies = readBodies(lines, claims, layout, options, findings, headers);

        List<Draft> drafts = entries.isEmpty() ? withoutToc(headers, bodies)
                : withToc(entries, headers, bodies, bookmarks, lines, findings);
        List<ParsedSpeech> speeches = new ArrayList<>();
        Optional<Region> province = gazetteer.inferProvince(drafts.stream().map(d -> d.speaker().name()).toList());
        for (Draft d : drafts) {
            speeches.add(d.toSpeech(speeches.size() + 1, resolve(d, province, findings)));
        }
        FrontMatter.Cover cover = front.cover();
        if (cover.title() == null && headers.size() == 1 && speeches.size() == 1) {
            // a single report (常委会工作报告) has no cover of its own: its header is the cover
            HeaderFinder.Header h = headers.get(0);
            cover = new FrontMatter.Cover(h.title(), h.subtitle(),
                    h.subtitle() == null ? null : FrontMatter.meeting(h.subtitle()), h.date());
        }
        List<UnplacedText> unplaced = unplaced(lines, claims, findings);
        return new ParsedCompilation(cover.title(), cover.subtitle(), cover.meeting(), cover.date(),
                province.map(Region::name).orElse(null), front.preface(), speeches, findings.warnings(), unplaced,
                coverage(lines, claims));
    }

    /** A body per header: the unclaimed lines up to the next header. */
    private static List<BodyReader.Body> readBodies(List<SourceLine> lines, Claims claims, Layout layout,
                                                    ParseOptions options, Findings findings,
                                                    List<HeaderFinder.Header> headers) {
        List<BodyReader.Body> bodies = new ArrayList<>();
        for (int k = 0; k < headers.size(); k++) {
            int to = k + 1 < headers.size() ? headers.get(k + 1).start() : lines.size();
            List<SourceLine> body = new ArrayList<>();
            for (int i = headers.get(k).end(); i < to; i++) {
                if (claims.isFree(i)) {
                    body.add(lines.get(i));
                    claims.claim(i, i + 1, Claims.Part.BODY);
                }
            }
            bodies.add(BodyReader.read(body, layout, options, findings));
        }
        return bodies;
    }

    /** A speech before its number and region are known. */
    private record Draft(Speaker speaker, int line, HeaderFinder.Header header, TocReader.Entry entry,
                         BodyReader.Body body, List<String> outline) {

        ParsedSpeech toSpeech(int order, Region region) {
            String person = header != null && header.speaker() != null ? header.speaker().person() : speaker.person();
            String title = header != null ? header.title() : entry.title();
            return new ParsedSpeech(order, speaker.name(), speaker.kind(), person, region, title,
                    header == null ? null : header.subtitle(), header == null ? null : header.date(),
                    entry == null ? null : entry.page(), body != null, body != null && body.truncated(),
                    body == null ? List.of() : body.lead(), body == null ? List.of() : body.sections(), outline);
        }
    }

    private static List<Draft> withoutToc(List<HeaderFinder.Header> headers, List<BodyReader.Body> bodies) {
        List<Draft> drafts = new ArrayList<>();
        for (int k = 0; k < headers.size(); k++) {
            HeaderFinder.Header h = headers.get(k);
            drafts.add(new Draft(h.speaker(), h.speakerLine(), h, null, bodies.get(k), List.of()));
        }
        return drafts;
    }

    /**
     * The speeches in table-of-contents order, each with the body whose header matched its entry. A body no entry
     * names is kept as a speech of its own after the speech before it.
     */
    private static List<Draft> withToc(List<TocReader.Entry> entries, List<HeaderFinder.Header> headers,
                                       List<BodyReader.Body> bodies, BookmarkReader.Bookmarks bookmarks,
                                       List<SourceLine> lines, Findings findings) {
        Map<TocReader.Entry, Integer> bodyOf = new HashMap<>();
        Map<Integer, List<Integer>> extrasAfter = new HashMap<>(); // entry order (0: before all) → header indexes
        int lastOrder = 0;
        for (int k = 0; k < headers.size(); k++) {
            HeaderFinder.Header h = headers.get(k);
            TocReader.Entry e = h.entry();
            if (e == null || bodyOf.containsKey(e)) {
                findings.assumed(lines.get(h.start()).number(), "speech '" + StructuralLines.excerpt(h.title())
                        + "' is not in the table of contents: kept after speech " + lastOrder);
                extrasAfter.computeIfAbsent(lastOrder, o -> new ArrayList<>()).add(k);
                continue;
            }
            if (e.order() < lastOrder) {
                findings.assumed(lines.get(h.start()).number(), "body of speech " + e.order() + " (" + name(e)
                        + ") comes after the body of speech " + lastOrder + ": bodies out of table-of-contents order");
            }
            if (h.speaker() != null && e.speaker() != null
                    && !HeaderFinder.speakerKey(h.speaker()).equals(HeaderFinder.speakerKey(e.speaker()))) {
                findings.assumed(h.speakerLine(), "committee line '" + h.speaker().name() + "' of the body titled '"
                        + h.title() + "' does not match table of contents entry " + e.order() + " (" + name(e)
                        + "): the table of contents' speaker kept");
            }
            bodyOf.put(e, k);
            lastOrder = Math.max(lastOrder, e.order());
        }
        List<Draft> drafts = new ArrayList<>();
        addExtras(drafts, extrasAfter.get(0), headers, bodies);
        for (TocReader.Entry e : entries) {
            Integer k = bodyOf.get(e);
            HeaderFinder.Header h = k == null ? null : headers.get(k);
            Speaker speaker = e.speaker() != null ? e.speaker() : h != null ? h.speaker() : null;
            if (speaker == null) {
                findings.assumed(e.titleLine(), "table of contents entry " + e.order() + " ('" + e.title()
                        + "') names no speaker and no body names one: the speaker is left empty");
                speaker = NO_SPEAKER;
            }
            List<String> outline = bookmarks != null && e.order() - 1 < bookmarks.outlines().size()
                    ? bookmarks.outlines().get(e.order() - 1) : List.of();
            drafts.add(new Draft(speaker, lines.get(e.firstIndex()).number(), h, e,
                    k == null ? null : bodies.get(k), outline));
            addExtras(drafts, extrasAfter.get(e.order()), headers, bodies);
        }
        return drafts;
    }

    private static void addExtras(List<Draft> drafts, List<Integer> extras, List<HeaderFinder.Header> headers,
                                  List<BodyReader.Body> bodies) {
        for (int k : extras == null ? List.<Integer>of() : extras) {
            HeaderFinder.Header h = headers.get(k);
            drafts.add(new Draft(h.speaker() != null ? h.speaker() : NO_SPEAKER,
                    h.speakerLine(), h, null, bodies.get(k), List.of()));
        }
    }

    private static String name(TocReader.Entry e) {
        return e.speaker() == null ? e.title() : e.speaker().name();
    }

    /** The division a regional speaker belongs to, in the compilation's province; a warning when none is found. */
    private Region resolve(Draft d, Optional<Region> province, Findings findings) {
        if (!REGIONAL.contains(d.speaker().kind()) || d.speaker().name().isEmpty()) {
            return null;
        }
        Optional<Region> region = gazetteer.resolve(d.speaker().name(), province.map(Region::code).orElse(null));
        if (region.isEmpty()) {
            findings.noted(d.line(), "speaker '" + d.speaker().name()
                    + "' names no division the gazetteer can settle: region left empty");
        }
        return region.orElse(null);
    }

    /** The bookmarks, when present, must list the same committees as the TOC and one heading group per speech. */
    private static void checkBookmarksAgainstToc(BookmarkReader.Bookmarks bookmarks, List<TocReader.Entry> entries,
                                                 SourceLine tocHeader, Findings findings) {
        List<BookmarkReader.Committee> committees = bookmarks.committees();
        for (int i = 0; i < committees.size() && i < entries.size(); i++) {
            String bookmarked = committees.get(i).committee();
            TocReader.Entry e = entries.get(i);
            if (e.speaker() == null || !HeaderFinder.speakerKey(bookmarked).equals(HeaderFinder.speakerKey(e.speaker()))) {
                findings.assumed(committees.get(i).line(), "bookmarked committee " + (i + 1) + " (" + bookmarked
                        + ") differs from table of contents entry " + (i + 1) + " (" + name(e) + ")");
            }
        }
        if (!committees.isEmpty() && committees.size() != entries.size()) {
            findings.assumed(tocHeader.number(), "the bookmarks list " + committees.size()
                    + " committees but the table of contents has " + entries.size() + " entries");
        }
        int groups = bookmarks.outlines().size();
        if (groups != 0 && groups != entries.size()) {
            findings.assumed(tocHeader.number(), "the bookmarks hold " + groups
                    + " groups of section headings but the table of contents has " + entries.size() + " speeches");
        }
    }

    /** Runs of lines no part claimed, each with a warning (strict: the first refuses the text). */
    private static List<UnplacedText> unplaced(List<SourceLine> lines, Claims claims, Findings findings) {
        List<UnplacedText> unplaced = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!claims.isFree(i)) {
                continue;
            }
            int to = i;
            StringBuilder text = new StringBuilder(lines.get(i).text());
            while (claims.isFree(to + 1)) {
                text.append('\n').append(lines.get(++to).text());
            }
            findings.assumed(lines.get(i).number(), "'" + StructuralLines.excerpt(lines.get(i).text())
                    + "' belongs to no speech, cover or table of contents: listed as unplaced");
            unplaced.add(new UnplacedText(lines.get(i).number(), lines.get(to).number(), text.toString()));
            i = to;
        }
        return unplaced;
    }

    /** Characters (whitespace excluded) on claimed lines / all characters left after removing furniture. */
    private static double coverage(List<SourceLine> lines, Claims claims) {
        long all = 0;
        long placed = 0;
        for (int i = 0; i < lines.size(); i++) {
            int chars = lines.get(i).norm().length();
            all += chars;
            placed += claims.isFree(i) ? 0 : chars;
        }
        return all == 0 ? 1.0 : (double) placed / all;
    }
}
