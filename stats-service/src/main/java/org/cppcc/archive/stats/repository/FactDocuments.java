package org.cppcc.archive.stats.repository;

import java.util.List;

import org.bson.Document;
import org.cppcc.archive.stats.api.Fact;
import org.cppcc.archive.stats.api.Figures;
import org.cppcc.archive.stats.api.Scope;
import org.cppcc.archive.stats.extraction.Approx;
import org.cppcc.archive.stats.extraction.Category;
import org.cppcc.archive.stats.extraction.Tier;

/**
 * The records ↔ the MongoDB documents: figures are stored as doubles, so that the aggregation pipeline can sum
 * them, and read back as {@link Figures}; enums by name.
 */
final class FactDocuments {

    private FactDocuments() {
    }

    static Document fact(Fact f) {
        return new Document("_id", f.id())
                .append("speechId", f.speechId())
                .append("speechVersion", f.speechVersion())
                .append("compilationId", f.compilationId())
                .append("committee", f.committee())
                .append("speakerKind", f.speakerKind())
                .append("speakerName", f.speakerName())
                .append("region", f.region())
                .append("regionCode", f.regionCode())
                .append("sectionIndex", f.sectionIndex())
                .append("paragraphIndex", f.paragraphIndex())
                .append("paragraphId", f.paragraphId())
                .append("kind", f.kind())
                .append("value", f.value().doubleValue())
                .append("approx", name(f.approx()))
                .append("range", f.range() == null ? null
                        : new Document("min", f.range().min().doubleValue()).append("max", f.range().max().doubleValue()))
                .append("change", f.change() == null ? null
                        : new Document("from", f.change().from().doubleValue()).append("to", f.change().to().doubleValue()))
                .append("unit", f.unit())
                .append("subject", f.subject())
                .append("category", name(f.category()))
                .append("tier", name(f.tier()))
                .append("per", f.per())
                .append("text", f.text())
                .append("sentence", f.sentence())
                .append("start", f.start())
                .append("end", f.end())
                .append("status", name(f.status()))
                .append("extracted", f.extracted() == null ? null : new Document("value", f.extracted().value().doubleValue())
                        .append("unit", f.extracted().unit()).append("subject", f.extracted().subject())
                        .append("category", name(f.extracted().category())).append("tier", name(f.extracted().tier())))
                .append("curation", f.curation() == null ? null : new Document("action", name(f.curation().action()))
                        .append("note", f.curation().note()).append("by", f.curation().by())
                        .append("at", f.curation().at()));
    }

    static Fact fact(Document d) {
        Document range = d.get("range", Document.class);
        Document change = d.get("change", Document.class);
        Document extracted = d.get("extracted", Document.class);
        Document curation = d.get("curation", Document.class);
        return new Fact(d.getString("_id"), longOf(d, "speechId"), longOf(d, "speechVersion"),
                nullableLong(d, "compilationId"), d.getString("region"), d.getString("regionCode"),
                d.getString("committee"), Scope.speakerKindOf(d.getString("speakerKind")),
                d.getString("speakerName"),
                intOf(d, "sectionIndex"), intOf(d, "paragraphIndex"), d.getString("paragraphId"), d.getString("kind"),
                figure(d, "value"), enumOf(Approx.class, d.getString("approx")),
                range == null ? null : new Fact.Range(figure(range, "min"), figure(range, "max")),
                change == null ? null : new Fact.Change(figure(change, "from"), figure(change, "to")),
                d.getString("unit"), d.getString("subject"), enumOf(Category.class, d.getString("category")),
                enumOf(Tier.class, d.getString("tier")), d.getString("per"), d.getString("text"),
                d.getString("sentence"), intOf(d, "start"), intOf(d, "end"),
                enumOf(Fact.Status.class, d.getString("status")),
                extracted == null ? null : new Fact.Extracted(figure(extracted, "value"), extracted.getString("unit"),
                        extracted.getString("subject"), enumOf(Category.class, extracted.getString("category")),
                        enumOf(Tier.class, extracted.getString("tier"))),
                curation == null ? null : new Fact.CurationNote(enumOf(Fact.Action.class, curation.getString("action")),
                        curation.getString("note"), curation.getString("by"), curation.getDate("at")));
    }

    static Document speech(StoredSpeech s) {
        return new Document("_id", s.id())
                .append("version", s.version())
                .append("compilationId", s.compilationId())
                .append("order", s.order())
                .append("committee", s.committee())
                .append("speakerKind", s.speakerKind())
                .append("speakerName", s.speakerName())
                .append("region", s.region())
                .append("regionCode", s.regionCode())
                .append("level", s.level())
                .append("parentRegion", s.parentRegion())
                .append("title", s.title())
                .append("bodyAvailable", s.bodyAvailable())
                .append("truncated", s.truncated())
                .append("characters", s.characters())
                .append("paragraphs", s.paragraphs())
                .append("outlineEntries", s.outlineEntries())
                .append("facts", s.facts())
                .append("factIds", s.factIds())
                .append("textIds", s.textIds())
                .append("figures", s.figures() == null ? null : figures(s.figures()));
    }

    static Document figures(SpeechFigures f) {
        return new Document("facts", f.facts().stream().map(c -> new Document("category", name(c.category()))
                        .append("tier", name(c.tier())).append("status", name(c.status())).append("whole", c.whole())
                        .append("n", c.n())).toList())
                .append("platforms", f.platforms().stream()
                        .map(t -> new Document("tier", name(t.tier())).append("total", t.total())).toList())
                .append("platformFacts", f.platformFacts())
                .append("firstPlatformFacts", f.firstPlatformFacts())
                .append("members", f.members())
                .append("memberFacts", f.memberFacts())
                .append("firstMemberFacts", f.firstMemberFacts())
                .append("memberCoverage", f.memberCoverage())
                .append("assignedTo", f.assignedTo())
                .append("basis", f.basis());
    }

    static SpeechFigures figures(Document d) {
        if (d == null) {
            return null;
        }
        Number coverage = d.get("memberCoverage", Number.class);
        return new SpeechFigures(
                d.getList("facts", Document.class).stream().map(c -> new SpeechFigures.FactCount(
                        enumOf(Category.class, c.getString("category")), enumOf(Tier.class, c.getString("tier")),
                        enumOf(Fact.Status.class, c.getString("status")), Boolean.TRUE.equals(c.getBoolean("whole")),
                        longOf(c, "n"))).toList(),
                d.getList("platforms", Document.class).stream().map(t -> new SpeechFigures.TierSum(
                        enumOf(Tier.class, t.getString("tier")), t.get("total", Number.class).doubleValue())).toList(),
                longOf(d, "platformFacts"), List.copyOf(d.getList("firstPlatformFacts", String.class)),
                d.get("members", Number.class).doubleValue(), longOf(d, "memberFacts"),
                List.copyOf(d.getList("firstMemberFacts", String.class)),
                coverage == null ? null : coverage.doubleValue(), d.getString("assignedTo"), d.getString("basis"));
    }

    static StoredSpeech speech(Document d) {
        return new StoredSpeech(longOf(d, "_id"), longOf(d, "version"), nullableLong(d, "compilationId"),
                intOf(d, "order"), d.getString("committee"), d.getString("speakerKind"), d.getString("speakerName"),
                d.getString("region"), d.getString("regionCode"), d.getString("level"), d.getString("parentRegion"),
                d.getString("title"), Boolean.TRUE.equals(d.getBoolean("bodyAvailable")),
                Boolean.TRUE.equals(d.getBoolean("truncated")), longOf(d, "characters"), intOf(d, "paragraphs"),
                intOf(d, "outlineEntries"), intOf(d, "facts"), d.getList("factIds", String.class),
                d.getList("textIds", String.class), figures(d.get("figures", Document.class)));
    }

    static Document text(StoredText t) {
        return new Document("_id", t.id()).append("speechId", t.speechId()).append("region", t.region())
                .append("speakerKind", t.speakerKind()).append("compilationId", t.compilationId())
                .append("sectionIndex", t.sectionIndex()).append("paragraphIndex", t.paragraphIndex())
                .append("kind", t.kind()).append("text", t.text());
    }

    static StoredText text(Document d) {
        return new StoredText(d.getString("_id"), longOf(d, "speechId"), d.getString("region"),
                d.getString("speakerKind"), nullableLong(d, "compilationId"), intOf(d, "sectionIndex"),
                intOf(d, "paragraphIndex"), d.getString("kind"), d.getString("text"));
    }

    static Document curation(Curation c) {
        return new Document("_id", c.factId()).append("speechId", c.speechId()).append("sentence", c.sentence())
                .append("action", name(c.action())).append("value", c.value()).append("unit", c.unit())
                .append("subject", c.subject()).append("category", name(c.category())).append("tier", name(c.tier()))
                .append("note", c.note()).append("by", c.by()).append("at", c.at());
    }

    static Curation curation(Document d) {
        Number value = d.get("value", Number.class);
        return new Curation(d.getString("_id"), longOf(d, "speechId"), d.getString("sentence"),
                enumOf(Fact.Action.class, d.getString("action")), value == null ? null : value.doubleValue(),
                d.getString("unit"), d.getString("subject"), enumOf(Category.class, d.getString("category")),
                enumOf(Tier.class, d.getString("tier")), d.getString("note"), d.getString("by"), d.getDate("at"));
    }

    private static Number figure(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? null : Figures.of(n.doubleValue());
    }

    private static long longOf(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    private static Long nullableLong(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? null : n.longValue();
    }

    private static int intOf(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.intValue();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
