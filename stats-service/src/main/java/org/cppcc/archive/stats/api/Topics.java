package org.cppcc.archive.stats.api;

import java.util.List;
import java.util.Map;

/** Mentions of each asked term in the stored texts, per speech, per region and per speaker kind. */
public record Topics(List<Term> terms) {

    public record Term(String term, long mentions, List<Speech> speeches, Map<String, Long> regions,
            Map<String, Long> speakerKinds) {
    }

    public record Speech(long speechId, String region, String speakerKind, long mentions) {
    }
}
