package org.cppcc.archive.search.query;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.cppcc.archive.search.doc.Fields;
import org.cppcc.archive.search.model.Filters;

/** A search's filters as Lucene clauses: only speeches (never tombstones), then each exact value asked for. */
public final class SpeechFilters {

    private SpeechFilters() {
    }

    /** Matches every speech and no tombstone. */
    public static Query speeches() {
        return new TermQuery(new Term(Fields.KIND, Fields.KIND_SPEECH));
    }

    /** {@code text}, restricted to speeches that pass {@code filters}. */
    public static Query apply(Query text, Filters filters) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST).add(speeches(), Occur.FILTER);
        if (filters.compilationId() != null) {
            query.add(LongPoint.newExactQuery(Fields.COMPILATION_ID, filters.compilationId()), Occur.FILTER);
        }
        exact(query, Fields.F_REGION, filters.region());
        exact(query, Fields.F_REGION_CODE, filters.regionCode());
        exact(query, Fields.F_LEVEL, filters.level());
        exact(query, Fields.F_COMMITTEE, filters.committee());
        exact(query, Fields.F_SPEAKER_KIND, filters.speakerKind());
        if (filters.dateFrom() != null || filters.dateTo() != null) {
            long from = filters.dateFrom() == null ? Long.MIN_VALUE : filters.dateFrom().toEpochDay();
            long to = filters.dateTo() == null ? Long.MAX_VALUE : filters.dateTo().toEpochDay();
            query.add(LongPoint.newRangeQuery(Fields.DATE, from, to), Occur.FILTER);
        }
        return query.build();
    }

    private static void exact(BooleanQuery.Builder query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }
}
