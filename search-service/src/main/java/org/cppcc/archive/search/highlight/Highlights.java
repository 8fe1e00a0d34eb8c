package org.cppcc.archive.search.highlight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cppcc.archive.search.analysis.Highlighter;
import org.cppcc.archive.search.change.Speech;
import org.cppcc.archive.search.model.Highlight;

/**
 * The fragments shown with a hit: the title when it matches, then headings and outline, then the passages with the
 * most matches; at most {@value #MAX_HIGHLIGHTS}, each at most {@value #FRAGMENT_CHARS} characters, marked and
 * escaped by {@link Highlighter}.
 */
public final class Highlights {

    public static final int FRAGMENT_CHARS = 120;
    public static final int MAX_HIGHLIGHTS = 3;

    private record Candidate(Highlight highlight, int matches, int rank) {
    }

    private Highlights() {
    }

    /** The best fragments of {@code speech} for the query's needles (what it marks); none without needles. */
    public static List<Highlight> of(Speech speech, List<String> needles) {
        if (needles.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        add(candidates, "title", null, null, speech.title(), needles, 3);
        for (int s = 0; s < speech.sections().size(); s++) {
            add(candidates, "heading", s, null, speech.sections().get(s).heading(), needles, 2);
        }
        for (int o = 0; o < speech.outline().size(); o++) {
            add(candidates, "outline", null, o, speech.outline().get(o), needles, 1);
        }
        for (int l = 0; l < speech.lead().size(); l++) {
            add(candidates, "lead", null, l, speech.lead().get(l), needles, 0);
        }
        for (int s = 0; s < speech.sections().size(); s++) {
            List<Speech.Paragraph> paragraphs = speech.sections().get(s).paragraphs();
            for (int p = 0; p < paragraphs.size(); p++) {
                add(candidates, "paragraph", s, p, paragraphs.get(p).text(), needles, 0);
            }
        }
        add(candidates, "committee", null, null, speech.committee(), needles, -1);
        return candidates.stream()
                .sorted(Comparator.comparingInt((Candidate c) -> c.rank() > 0 ? 1000 + c.rank() : c.matches())
                        .reversed())
                .limit(MAX_HIGHLIGHTS)
                .map(Candidate::highlight)
                .toList();
    }

    private static void add(List<Candidate> out, String field, Integer section, Integer paragraph, String text,
            List<String> needles, int rank) {
        Highlighter.Fragment fragment = Highlighter.highlight(text, needles, FRAGMENT_CHARS);
        if (fragment != null && fragment.matches() > 0) {
            out.add(new Candidate(new Highlight(field, section, paragraph, fragment.html()), fragment.matches(), rank));
        }
    }
}
