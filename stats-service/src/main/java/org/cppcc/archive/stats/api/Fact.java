package org.cppcc.archive.stats.api;

import java.util.Date;

import org.cppcc.archive.stats.extraction.Approx;
import org.cppcc.archive.stats.extraction.Category;
import org.cppcc.archive.stats.extraction.Tier;

/**
 * One extracted fact as the API shows it: where it comes from ({@code speechId}, {@code speechVersion},
 * {@code sectionIndex}, {@code paragraphIndex}, the exact {@code sentence} and the {@code start}/{@code end} offsets
 * into the paragraph), what it states, and its curation. {@code extracted} holds what the extractor read when an
 * admin corrected it. Figures are whole numbers where they are whole ({@link Figures}).
 */
public record Fact(String id, long speechId, long speechVersion, Long compilationId, String region, String regionCode,
        String committee, String speakerKind, String speakerName, int sectionIndex, int paragraphIndex,
        String paragraphId, String kind, Number value, Approx approx, Range range, Change change, String unit,
        String subject, Category category, Tier tier, String per, String text, String sentence, int start, int end,
        Status status, Extracted extracted, CurationNote curation) {

    /** Where a fact stands with the admins; only {@code rejected} facts are left out of the aggregates. */
    public enum Status {
        extracted, confirmed, corrected, rejected
    }

    /** An admin's verdict on a fact. */
    public enum Action {
        confirm, correct, reject
    }

    /** 3—4名 → {min: 3, max: 4}. */
    public record Range(Number min, Number max) {
    }

    /** 由8个扩至10个 → {from: 8, to: 10}. */
    public record Change(Number from, Number to) {
    }

    /** What the extractor read, kept when an admin corrects the fact. */
    public record Extracted(Number value, String unit, String subject, Category category, Tier tier) {
    }

    /** Who curated the fact, when, how and why. */
    public record CurationNote(Action action, String note, String by, Date at) {
    }

    /** The same fact with what the extractor read, before any correction (the curation note stays). */
    public Fact asExtracted() {
        if (extracted == null) {
            return this;
        }
        return new Fact(id, speechId, speechVersion, compilationId, region, regionCode, committee, speakerKind,
                speakerName, sectionIndex, paragraphIndex, paragraphId, kind, extracted.value(), approx, range, change,
                extracted.unit(), extracted.subject(), extracted.category(), extracted.tier(), per, text, sentence,
                start, end, status, null, curation);
    }

    /** The same fact as an admin's verdict leaves it. */
    public Fact curated(Status newStatus, Number newValue, String newUnit, String newSubject, Category newCategory,
            Tier newTier, Extracted wasExtracted, CurationNote note) {
        return new Fact(id, speechId, speechVersion, compilationId, region, regionCode, committee, speakerKind,
                speakerName, sectionIndex, paragraphIndex, paragraphId, kind, newValue, approx, range, change, newUnit,
                newSubject, newCategory, newTier, per, text, sentence, start, end, newStatus, wasExtracted, note);
    }
}
