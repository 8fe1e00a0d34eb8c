package org.cppcc.archive.document.parsing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cppcc.archive.document.divisions.Speaker;
import org.cppcc.archive.document.text.MatchForm;

/**
 * Finds the headers that open speech bodies, in the lines no other part claimed. A header is a title (possibly
 * wrapped), a speaker line before or after it, or both on one line ({@code 政协XX县委员会：题目}); then optionally a
 * subtitle ({@code ——在……上的发言}) and a date line. With a table of contents, its titles are looked for first (a
 * title found is a header even without a speaker line: the entry names the speaker). Then every remaining speaker
 * line opens a header: its title is on the lines before it or after it, whichever side the compilation uses
 * (decided by the speaker lines where only one side can hold a title).
 */
final class HeaderFinder {

    static final int MAX_TITLE_LINES = 3;
    /** Titles are short: a longer line is text. */
    static final int MAX_TITLE_CHARS = 60;
    /** A one-line header is a speaker and a title. */
    private static final int MAX_SPEAKER_TITLE_CHARS = 130;

    /**
     * @param start       index of the header's first line
     * @param end         index after its last line (where the body starts)
     * @param speaker     the speaker the header names, or null (a title alone, its speaker in the TOC)
     * @param speakerLine 1-based line of the speaker, or of the title when there is none
     * @param entry       the table-of-contents entry of the speech, or null
     */
    record Header(int start, int end, Speaker speaker, int speakerLine, String title, int titleLine,
                  String subtitle, LocalDate date, TocReader.Entry entry) {
    }

    private record Run(int from, int to) {
        String text(List<SourceLine> lines) {
            StringBuilder b = new StringBuilder();
            for (int k = from; k <= to; k++) {
                b.append(lines.get(k).text());
            }
            return b.toString();
        }
    }

    private final List<SourceLine> lines;
    private final Claims claims;
    private final Layout layout;
    private final Findings findings;
    private final Map<String, List<TocReader.Entry>> entriesByTitle = new HashMap<>();
    private final Map<String, List<TocReader.Entry>> entriesBySpeaker = new HashMap<>();
    private final Set<TocReader.Entry> used = new HashSet<>();
    private final List<Header> headers = new ArrayList<>();
    private int longestTitle;

    private HeaderFinder(List<SourceLine> lines, Claims claims, Layout layout, List<TocReader.Entry> entries,
                         Findings findings) {
        this.lines = lines;
        this.claims = claims;
        this.layout = layout;
        this.findings = findings;
        for (TocReader.Entry e : entries) {
            String key = MatchForm.of(e.title());
            entriesByTitle.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            longestTitle = Math.max(longestTitle, key.length());
            if (e.speaker() != null) {
                entriesBySpeaker.computeIfAbsent(speakerKey(e.speaker()), k -> new ArrayList<>()).add(e);
            }
        }
    }

    /** The headers in text order; their lines are claimed. */
    static List<Header> find(List<SourceLine> lines, Claims claims, Layout layout, List<TocReader.Entry> entries,
                             Findings findings) {
        HeaderFinder finder = new HeaderFinder(lines, claims, layout, entries, findings);
        if (!entries.isEmpty()) {
            finder.findTocTitles();
        }
        finder.findSpeakerLines();
        finder.headers.sort(Comparator.comparingInt(Header::start));
        return finder.withoutBodyless();
    }

    /**
     * The headers less those with nothing under them (up to the next header) that no TOC entry names: such a
     * "header" is a cover that reads like one (title, ——subtitle, the issuing committee, the date, then the TOC).
     * Their lines are freed for the front matter.
     */
    private List<Header> withoutBodyless() {
        List<Header> kept = new ArrayList<>();
        for (int k = 0; k < headers.size(); k++) {
            Header h = headers.get(k);
            int next = k + 1 < headers.size() ? headers.get(k + 1).start() : lines.size();
            if (h.entry() == null && !claims.anyFree(h.end(), next)) {
                claims.release(h.start(), h.end());
            } else {
                kept.add(h);
            }
        }
        return kept;
    }

    static String speakerKey(Speaker speaker) {
        return speakerKey(speaker.name());
    }

    /** Comparison key of a speaker's name: 1．政协成都市委员会： and 政协成都市委员会 compare equal. */
    static String speakerKey(String name) {
        String norm = MatchForm.of(name);
        return norm.endsWith(":") ? norm.substring(0, norm.length() - 1) : norm;
    }

    // --- titles the table of contents names -------------------------------------------------------------

    private void findTocTitles() {
        for (int i = 0; i < lines.size(); i++) {
            if (!claims.isFree(i)) {
                continue;
            }
            int last = -1;
            StringBuilder key = new StringBuilder();
            for (int k = i; k < i + MAX_TITLE_LINES && claims.isFree(k); k++) {
                key.append(lines.get(k).norm());
                if (key.length() > longestTitle) {
                    break;
                }
                if (entriesByTitle.containsKey(key.toString())) {
                    last = k;
                }
            }
            if (last >= 0) {
                i = aroundTitle(new Run(i, last), entriesByTitle.get(key(i, last))) - 1;
            }
        }
    }

    private String key(int from, int to) {
        StringBuilder key = new StringBuilder();
        for (int k = from; k <= to; k++) {
            key.append(lines.get(k).norm());
        }
        return key.toString();
    }

    /** A header around a title the TOC names: speaker after it (or after its subtitle), else before it. */
    private int aroundTitle(Run title, List<TocReader.Entry> candidates) {
        int start = title.from();
        int end = title.to() + 1;
        String subtitle = null;
        if (isFreeSubtitle(end)) {
            subtitle = lines.get(end++).text();
        }
        Speaker speaker = null;
        int speakerLine = lines.get(title.from()).number();
        Optional<Speaker> after = claims.isFree(end) ? StructuralLines.speakerLine(lines.get(end)) : Optional.empty();
        Optional<Speaker> before = subtitle == null && claims.isFree(start - 1)
                ? StructuralLines.speakerLine(lines.get(start - 1)) : Optional.empty();
        if (after.isPresent()) {
            speaker = after.get();
            speakerLine = lines.get(end++).number();
        } else if (before.isPresent()) {
            speaker = before.get();
            speakerLine = lines.get(--start).number();
        }
        if (subtitle == null && isFreeSubtitle(end)) {
            subtitle = lines.get(end++).text();
        }
        TocReader.Entry entry = pick(candidates, speaker);
        return add(start, end, speaker, speakerLine, title.text(lines), lines.get(title.from()).number(), subtitle,
                entry);
    }

    /** Of the entries sharing a title, the unused one whose speaker matches, else the first unused. */
    private TocReader.Entry pick(List<TocReader.Entry> candidates, Speaker speaker) {
        TocReader.Entry firstUnused = null;
        for (TocReader.Entry e : candidates) {
            if (used.contains(e)) {
                continue;
            }
            if (speaker != null && e.speaker() != null && speakerKey(e.speaker()).equals(speakerKey(speaker))) {
                return e;
            }
            if (firstUnused == null) {
                firstUnused = e;
            }
        }
        return firstUnused != null ? firstUnused : candidates.get(0);
    }

    // --- speaker lines ------------------------------------------------------------------------------------

    private record Anchor(int index, Speaker speaker, String oneLineTitle, Run before, Run after) {
    }

    private void findSpeakerLines() {
        List<Anchor> anchors = new ArrayList<>();
        int titleBefore = 0;
        int titleAfter = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!claims.isFree(i)) {
                continue;
            }
            SourceLine line = lines.get(i);
            Optional<Speaker> speaker = StructuralLines.speakerLine(line);
            if (speaker.isPresent()) {
                Run before = runBefore(i);
                Run after = runAfter(i);
                titleBefore += before != null && after == null ? 1 : 0;
                titleAfter += after != null && before == null ? 1 : 0;
                anchors.add(new Anchor(i, speaker.get(), null, before, after));
            } else if (line.norm().length() <= MAX_SPEAKER_TITLE_CHARS) {
                StructuralLines.SpeakerAndTitle st = StructuralLines.speakerAndTitle(line.text());
                if (st != null && !StructuralLines.containsSentenceEnd(st.title())
                        && MatchForm.of(st.title()).length() <= MAX_TITLE_CHARS) {
                    anchors.add(new Anchor(i, st.speaker(), st.title(), null, null));
                }
            }
        }
        boolean preferAfter = titleAfter > titleBefore;
        for (Anchor a : anchors) {
            if (claims.isFree(a.index())) {
                fromAnchor(a, preferAfter);
            }
        }
    }

    private void fromAnchor(Anchor a, boolean preferAfter) {
        SourceLine line = lines.get(a.index());
        TocReader.Entry entry = entryFor(a.speaker());
        if (a.oneLineTitle() != null) {
            int end = a.index() + 1;
            String subtitle = isFreeSubtitle(end) ? lines.get(end++).text() : null;
            checkTitle(entry, a.oneLineTitle(), line);
            add(a.index(), end, a.speaker(), line.number(), a.oneLineTitle(), line.number(), subtitle, entry);
            return;
        }
        // the runs were measured before earlier headers claimed lines: measure again
        Run before = runBefore(a.index());
        Run after = runAfter(a.index());
        Run title = before != null && after != null ? (preferAfter ? after : before) : before != null ? before : after;
        if (title == null) {
            if (entry == null) {
                findings.assumed(line.number(), "speaker line '" + StructuralLines.excerpt(line.text())
                        + "' has no title before or after it: kept as text");
                return;
            }
            findings.assumed(line.number(), "speaker line '" + StructuralLines.excerpt(line.text())
                    + "' has no title: the table of contents' title '" + entry.title() + "' assumed");
            add(a.index(), a.index() + 1, a.speaker(), line.number(), entry.title(), line.number(), null, entry);
            return;
        }
        String titleText = title.text(lines);
        checkTitle(entry, titleText, lines.get(title.from()));
        if (title == before) {
            int start = title.from();
            String subtitle = isFreeSubtitle(title.to() + 1) ? lines.get(title.to() + 1).text() : null;
            int end = a.index() + 1;
            if (subtitle == null && isFreeSubtitle(end)) {
                subtitle = lines.get(end++).text();
            }
            add(start, end, a.speaker(), line.number(), titleText, lines.get(start).number(), subtitle, entry);
        } else {
            int end = title.to() + 1;
            String subtitle = isFreeSubtitle(end) ? lines.get(end++).text() : null;
            add(a.index(), end, a.speaker(), line.number(), titleText, lines.get(title.from()).number(), subtitle,
                    entry);
        }
    }

    private void checkTitle(TocReader.Entry entry, String title, SourceLine line) {
        if (entry != null && !MatchForm.of(entry.title()).equals(MatchForm.of(title))) {
            findings.assumed(line.number(), "the body's title '" + StructuralLines.excerpt(title)
                    + "' differs from table of contents entry " + entry.order() + " ('" + entry.title()
                    + "'): the body's title kept");
        }
    }

    /** The first unused TOC entry naming this speaker. */
    private TocReader.Entry entryFor(Speaker speaker) {
        for (TocReader.Entry e : entriesBySpeaker.getOrDefault(speakerKey(speaker), List.of())) {
            if (!used.contains(e)) {
                return e;
            }
        }
        return null;
    }

    /** Title lines right before a speaker line (skipping a subtitle between them), or null. */
    private Run runBefore(int speaker) {
        int to = speaker - 1;
        if (isFreeSubtitle(to)) {
            to--;
        }
        int from = to + 1;
        while (from - 1 >= 0 && to - from + 1 < MAX_TITLE_LINES && isTitleLike(from - 1)
                && (from == to + 1 || layout.isFull(lines.get(from - 1)))) {
            from--;
        }
        return from <= to ? new Run(from, to) : null;
    }

    /** Title lines right after a speaker line, or null. */
    private Run runAfter(int speaker) {
        int to = speaker;
        while (to + 1 < lines.size() && to - speaker < MAX_TITLE_LINES && isTitleLike(to + 1)
                && (to == speaker || layout.isFull(lines.get(to)))) {
            to++;
        }
        return to > speaker ? new Run(speaker + 1, to) : null;
    }

    /** A line that can be (part of) a speech title: short, free, no sentence, no other structure. */
    private boolean isTitleLike(int index) {
        if (!claims.isFree(index)) {
            return false;
        }
        SourceLine line = lines.get(index);
        String norm = line.norm();
        return norm.length() <= MAX_TITLE_CHARS
                && !StructuralLines.containsSentenceEnd(norm)
                && !norm.endsWith(":")
                && !(layout.paragraphStarts() == Layout.ParagraphStarts.INDENTATION && line.indented())
                && HeadingMarker.of(line.text()) == null
                && StructuralLines.dateOf(norm) == null
                && !StructuralLines.isSubtitle(norm)
                && !StructuralLines.isPrefaceHeading(norm)
                && !StructuralLines.isRunOnPreface(norm)
                && !StructuralLines.isTocHeader(norm)
                && StructuralLines.speakerLine(line).isEmpty()
                && StructuralLines.speakerAndTitle(line.text()) == null;
    }

    private boolean isFreeSubtitle(int index) {
        return claims.isFree(index) && StructuralLines.isSubtitle(lines.get(index).norm());
    }

    /** Records a header, taking a date line after it along; returns the index after it. */
    private int add(int start, int end, Speaker speaker, int speakerLine, String title, int titleLine,
                    String subtitle, TocReader.Entry entry) {
        LocalDate date = null;
        if (claims.isFree(end)) {
            StructuralLines.DateLine d = StructuralLines.dateOf(lines.get(end).norm());
            if (d != null) {
                date = d.toDate(lines.get(end), findings);
                end++;
            }
        }
        if (entry != null) {
            used.add(entry);
        }
        claims.claim(start, end, Claims.Part.HEADER);
        headers.add(new Header(start, end, speaker, speakerLine, title, titleLine, subtitle, date, entry));
        return end;
    }
}
