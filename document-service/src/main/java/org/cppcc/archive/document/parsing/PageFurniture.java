package org.cppcc.archive.document.parsing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.cppcc.archive.document.divisions.Speakers;

/**
 * Page furniture: what a page layout prints on every page and a reader skips. Page numbers are recognised by
 * their form, running headers (the compilation's title at the top of each page) by their repetition.
 */
final class PageFurniture {

    /**
     * A page number on a line of its own (normalised, so without spaces): {@code — 3 —}, {@code -3-},
     * {@code 第3页}, {@code 第3页共12页}, {@code 3/12}, or a bare number.
     */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "[-—–‐‑―~]{1,3}\\d{1,4}[-—–‐‑―~]{1,3}|第\\d{1,4}页(?:,?共\\d{1,4}页)?|\\d{1,4}/\\d{1,4}|\\d{1,4}");

    /** A line seen this often is printed on every page, not written once. */
    static final int RUNNING_HEADER_REPEATS = 2;
    /** Running headers are short: a title, an office's name; but not a wrapped fragment such as 建言. */
    private static final int MAX_RUNNING_HEADER_CHARS = 40;
    private static final int MIN_RUNNING_HEADER_CHARS = 6;
    /** The cover stands within the first lines; there a running header's text is the real title. */
    private static final int COVER_LINES = 3;

    private PageFurniture() {
    }

    static boolean isPageNumber(String norm) {
        return norm.length() <= 20 && PAGE_NUMBER.matcher(norm).matches();
    }

    /**
     * The lines without running headers: short lines that occur at least {@link #RUNNING_HEADER_REPEATS} times
     * and are nothing the structure needs (no heading, speaker, date, sentence, nor the shared title of speeches,
     * which stands next to its speaker line every time, nor a title wrapped in the TOC and again in the body). An occurrence among the first lines of the text is kept: it is the cover's
     * title that the header repeats.
     */
    static List<SourceLine> withoutRunningHeaders(List<SourceLine> lines) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> besideSpeaker = new HashMap<>();
        Set<String> wrappedTocTitles = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String norm = lines.get(i).norm();
            if (norm.length() >= MIN_RUNNING_HEADER_CHARS && norm.length() <= MAX_RUNNING_HEADER_CHARS) {
                counts.merge(norm, 1, Integer::sum);
                if (isSpeaker(lines, i - 1) || isSpeaker(lines, i + 1)) {
                    besideSpeaker.merge(norm, 1, Integer::sum);
                }
                if (i + 1 < lines.size() && StructuralLines.tocTitle(lines.get(i + 1).text()) != null) {
                    wrappedTocTitles.add(norm); // the first line of a wrapped TOC title, repeated by its body title
                }
            }
        }
        Set<String> headers = new HashSet<>();
        counts.forEach((norm, count) -> {
            if (count >= RUNNING_HEADER_REPEATS && besideSpeaker.getOrDefault(norm, 0) < count
                    && !wrappedTocTitles.contains(norm) && couldBeRunningHeader(norm)) {
                headers.add(norm);
            }
        });
        if (headers.isEmpty()) {
            return lines;
        }
        List<SourceLine> kept = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            if (!headers.contains(line.norm()) || i < COVER_LINES) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static boolean isSpeaker(List<SourceLine> lines, int index) {
        return index >= 0 && index < lines.size() && StructuralLines.speakerLine(lines.get(index)).isPresent();
    }

    private static boolean couldBeRunningHeader(String norm) {
        return !StructuralLines.endsSentence(norm)
                && HeadingMarker.of(norm) == null
                && !StructuralLines.isTocHeader(norm)
                && StructuralLines.dateOf(norm) == null
                && Speakers.recognise(norm).isEmpty()
                && StructuralLines.numberedSpeaker(norm) == null;
    }
}
