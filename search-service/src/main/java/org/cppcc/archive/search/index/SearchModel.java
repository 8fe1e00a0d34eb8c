package org.cppcc.archive.search.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What a search asks and answers, independent of HTTP and of the index implementation. */
public final class SearchModel {

    private SearchModel() {
    }

    /** Exact-value filters; null means "any". Dates are the compilation's date, inclusive. */
    public record Filters(Long compilationId, String region, String regionCode, String level, String committee,
            String speakerKind, LocalDate dateFrom, LocalDate dateTo) {

        public static Filters none() {
            return new Filters(null, null, null, null, null, null, null, null);
        }
    }

    /** Where a fragment comes from: indexes are 0-based positions in the speech's lists. */
    public record Highlight(String field, Integer sectionIndex, Integer paragraphIndex, String fragment) {
    }

    public record Hit(long speechId, int order, String title, String committee, String region, float score,
            List<Highlight> highlights) {
    }

    public record Result(long total, List<Hit> hits, Map<String, Map<String, Long>> facets) {
    }

    public record Suggestion(String text, String kind) {
    }
}
