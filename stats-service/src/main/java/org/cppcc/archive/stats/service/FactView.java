package org.cppcc.archive.stats.service;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;

/** A stored fact as the API shows it: the fields of the issue, numbers without a spurious ".0". */
public final class FactView {

    static final String[] FIELDS = { "id", "speechId", "speechVersion", "compilationId", "region", "regionCode",
            "committee", "speakerKind", "speakerName", "sectionIndex", "paragraphIndex", "paragraphId", "kind", "value",
            "approx", "range", "change", "unit", "subject", "category", "tier", "per", "text", "sentence", "start", "end",
            "status", "extracted", "curation" };

    private FactView() {
    }

    public static Map<String, Object> of(Document d) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : FIELDS) {
            Object v = d.get("id".equals(field) ? "_id" : field);
            out.put(field, "speakerKind".equals(field) ? Scope.speakerKindOf(v) : clean(v));
        }
        return out;
    }

    private static Object clean(Object v) {
        if (v instanceof Double x) {
            return StatsQueries.number(x);
        }
        if (v instanceof Document doc) {
            Map<String, Object> m = new LinkedHashMap<>();
            doc.forEach((k, x) -> m.put(k, clean(x)));
            return m;
        }
        return v;
    }
}
