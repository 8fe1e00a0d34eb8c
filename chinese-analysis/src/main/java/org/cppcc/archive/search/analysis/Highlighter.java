package org.cppcc.archive.search.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Marks the query's words in a piece of text with {@code <em>…</em>} and HTML-escapes everything else.
 * Matching is done on the {@link TextNormalizer normalized} text, so 雙助 marks 双助 and ＡＢＣ marks abc; the
 * fragment shows the original characters.
 */
public final class Highlighter {

    private Highlighter() {
    }

    /** A highlighted fragment and how many matches it holds. */
    public record Fragment(String html, int matches) {
    }

    /**
     * The fragment of {@code text} (at most {@code maxChars} characters, centred on the first match) with every
     * occurrence of the needles marked, or null when none occurs. Needles must already be normalized.
     */
    public static Fragment highlight(String text, List<String> needles, int maxChars) {
        if (text == null || text.isEmpty() || needles.isEmpty()) {
            return null;
        }
        String folded = TextNormalizer.normalize(text);
        List<int[]> spans = spans(folded, needles);
        if (spans.isEmpty()) {
            return null;
        }
        int start = 0;
        int end = text.length();
        if (end > maxChars) {
            int first = spans.get(0)[0];
            start = Math.max(0, Math.min(first - maxChars / 4, text.length() - maxChars));
            end = Math.min(text.length(), start + maxChars);
            if (Character.isLowSurrogate(text.charAt(start)) && start > 0) {
                start--;
            }
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
        }
        StringBuilder html = new StringBuilder();
        if (start > 0) {
            html.append('…');
        }
        int at = start;
        int count = 0;
        for (int[] span : spans) {
            if (span[0] < at || span[1] > end) {
                continue;
            }
            escape(text, at, span[0], html);
            html.append("<em>");
            escape(text, span[0], span[1], html);
            html.append("</em>");
            at = span[1];
            count++;
        }
        escape(text, at, end, html);
        if (end < text.length()) {
            html.append('…');
        }
        return new Fragment(html.toString(), count);
    }

    /** Non-overlapping match spans, longest needle first at each position, in text order. */
    static List<int[]> spans(String folded, List<String> needles) {
        List<String> sorted = new ArrayList<>(needles.stream().filter(s -> s != null && !s.isBlank()).distinct()
                .toList());
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        List<int[]> spans = new ArrayList<>();
        boolean[] taken = new boolean[folded.length()];
        for (String needle : sorted) {
            int from = 0;
            while (true) {
                int hit = folded.indexOf(needle, from);
                if (hit < 0) {
                    break;
                }
                int stop = hit + needle.length();
                boolean free = true;
                for (int k = hit; k < stop; k++) {
                    if (taken[k]) {
                        free = false;
                        break;
                    }
                }
                if (free) {
                    for (int k = hit; k < stop; k++) {
                        taken[k] = true;
                    }
                    spans.add(new int[] { hit, stop });
                }
                from = hit + 1;
            }
        }
        spans.sort(Comparator.comparingInt(s -> s[0]));
        return spans;
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        escape(text, 0, text.length(), out);
        return out.toString();
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
