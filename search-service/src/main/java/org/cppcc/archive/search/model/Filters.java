package org.cppcc.archive.search.model;

import java.time.LocalDate;

/** Exact-value filters of a search; null means "any". Dates are the compilation's date, inclusive. */
public record Filters(Long compilationId, String region, String regionCode, String level, String committee,
        String speakerKind, LocalDate dateFrom, LocalDate dateTo) {

    public static Filters none() {
        return new Filters(null, null, null, null, null, null, null, null);
    }
}
