package org.cppcc.archive.search.model;

import java.util.List;

import org.cppcc.archive.search.change.Speech;

/** One speech found, with the fragments that matched. */
public record Hit(long speechId, int order, String title, String committee, String region, float score,
        List<Highlight> highlights) {

    public static Hit of(Speech speech, float score, List<Highlight> highlights) {
        return new Hit(speech.id(), speech.order(), speech.title(), speech.committee(), speech.region(), score,
                highlights);
    }
}
