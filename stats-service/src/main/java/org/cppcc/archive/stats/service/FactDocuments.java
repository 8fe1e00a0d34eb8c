package org.cppcc.archive.stats.service;

import java.math.BigDecimal;
import java.util.Date;

import org.bson.Document;
import org.cppcc.archive.stats.extraction.ExtractedFact;

/** Fact ↔ MongoDB document: numbers are stored as doubles so that the aggregation pipeline can sum them. */
final class FactDocuments {

    private FactDocuments() {
    }

    static Document of(String id, Document speech, int sectionIndex, int paragraphIndex, String paragraphId,
            String kind, ExtractedFact f) {
        Document d = new Document("_id", id)
                .append("speechId", speech.getLong("_id"))
                .append("speechVersion", speech.getLong("version"))
                .append("compilationId", speech.get("compilationId"))
                .append("committee", speech.getString("committee"))
                .append("speakerKind", speech.getString("speakerKind"))
                .append("speakerName", speech.getString("speakerName"))
                .append("region", speech.getString("region"))
                .append("regionCode", speech.getString("regionCode"))
                .append("level", speech.getString("level"))
                .append("sectionIndex", sectionIndex)
                .append("paragraphIndex", paragraphIndex)
                .append("paragraphId", paragraphId)
                .append("kind", kind)
                .append("value", f.value().doubleValue())
                .append("approx", f.approx() == null ? null : f.approx().name())
                .append("range", f.range() == null ? null
                        : new Document("min", f.range().min().doubleValue()).append("max", f.range().max().doubleValue()))
                .append("change", f.change() == null ? null
                        : new Document("from", f.change().from().doubleValue()).append("to", f.change().to().doubleValue()))
                .append("unit", f.unit())
                .append("subject", f.subject())
                .append("category", f.category().name())
                .append("tier", f.tier() == null ? null : f.tier().name())
                .append("per", f.per())
                .append("text", f.text())
                .append("sentence", f.sentence())
                .append("start", f.start())
                .append("end", f.end())
                .append("status", "extracted");
        return d;
    }

    /** Applies an admin's curation on top of the extracted fact, keeping what was extracted. */
    static void applyCuration(Document fact, Document curation) {
        String action = curation.getString("action");
        Document extracted = new Document("value", fact.get("value")).append("unit", fact.get("unit"))
                .append("subject", fact.get("subject")).append("category", fact.get("category"))
                .append("tier", fact.get("tier"));
        switch (action) {
            case "confirm" -> fact.put("status", "confirmed");
            case "reject" -> fact.put("status", "rejected");
            case "correct" -> {
                fact.put("status", "corrected");
                fact.put("extracted", extracted);
                for (String field : new String[] { "value", "unit", "subject", "category", "tier" }) {
                    if (curation.get(field) != null) {
                        fact.put(field, curation.get(field));
                    }
                }
            }
            default -> throw new IllegalArgumentException(action);
        }
        fact.put("curation", new Document("action", action).append("note", curation.get("note"))
                .append("by", curation.get("by")).append("at", curation.get("at")));
    }

    static Document curation(String factId, long speechId, String sentence, String action, BigDecimal value,
            String unit, String subject, String category, String tier, String note, String by) {
        return new Document("_id", factId).append("speechId", speechId).append("sentence", sentence)
                .append("action", action).append("value", value == null ? null : value.doubleValue())
                .append("unit", unit).append("subject", subject).append("category", category).append("tier", tier)
                .append("note", note).append("by", by).append("at", new Date());
    }
}
