package org.cppcc.archive.stats.extraction;

import java.math.BigDecimal;

/**
 * One number a text states about the world. {@code start}/{@code end} are character offsets into the
 * text that was given to the extractor (a paragraph, heading or lead); {@code text} is that span, e.g.
 * {@code 近2亿元} or {@code 由8个扩至10个}. {@code value} is the figure itself: the upper end {@code to} of a
 * change, the lower end {@code min} of a range. {@code per} is the distributive phrase when the figure holds for
 * each of several things (每个联络组配备3—5名驻点委员 → 每个联络组), not for all of them together; else null.
 */
public record ExtractedFact(BigDecimal value, Approx approx, Range range, Change change, String unit, String subject,
        Category category, Tier tier, String per, String text, String sentence, int sentenceStart, int start,
        int end) {

    /** 3—4名 → {min: 3, max: 4}. */
    public record Range(BigDecimal min, BigDecimal max) {
    }

    /** 由8个扩至10个 → {from: 8, to: 10}. */
    public record Change(BigDecimal from, BigDecimal to) {
    }
}
