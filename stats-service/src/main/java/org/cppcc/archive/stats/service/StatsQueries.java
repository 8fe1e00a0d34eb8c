package org.cppcc.archive.stats.service;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.cppcc.archive.stats.divisions.CommitteeCoverage;
import org.cppcc.archive.stats.divisions.Gazetteer;
import org.cppcc.archive.stats.extraction.Category;
import org.cppcc.archive.stats.extraction.MemberCoverage;
import org.cppcc.archive.stats.extraction.Tier;
import org.cppcc.archive.stats.store.StatsStore;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/** The aggregates the API serves, computed in MongoDB with the aggregation pipeline where it can be. */
@ApplicationScoped
public class StatsQueries {

    private static final Bson COUNTED = ne("status", "rejected");
    /** The facts a total adds up: counted, and stating a figure for all, not for each (每个联络组3—5名). */
    private static final Bson SUMMED = and(COUNTED, eq("per", null));

    private final StatsStore store;
    private final CommitteeCoverage coverage;
    private final ResultCache cache;

    StatsQueries(StatsStore store, Gazetteer gazetteer) {
        this.store = store;
        this.coverage = new CommitteeCoverage(gazetteer);
        this.cache = new ResultCache(store::generation, 256);
    }

    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    public Map<String, Object> overview() {
        return cache.get(ResultCache.key("overview"), this::computeOverview);
    }

    private Map<String, Object> computeOverview() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("compilations", store.speeches().distinct("compilationId", Long.class).into(new ArrayList<>()).stream()
                .filter(java.util.Objects::nonNull).count());
        Map<String, Object> speeches = new LinkedHashMap<>();
        speeches.put("total", store.speeches().countDocuments());
        speeches.put("withBody", store.speeches().countDocuments(eq("bodyAvailable", true)));
        speeches.put("outlineOnly", store.speeches().countDocuments(eq("bodyAvailable", false)));
        speeches.put("truncated", store.speeches().countDocuments(eq("truncated", true)));
        out.put("speeches", speeches);
        out.put("committeesByLevel", group(store.speeches().aggregate(List.of(
                Aggregates.group("$level", Accumulators.sum("n", 1)), Aggregates.sort(Sorts.ascending("_id"))))));
        Document chars = store.speeches().aggregate(List.of(Aggregates.group(null, Accumulators.sum("c", "$characters"))))
                .first();
        out.put("characters", chars == null ? 0L : chars.get("c", Number.class).longValue());
        Map<String, Long> byCategory = new LinkedHashMap<>();
        for (Category category : Category.values()) { // every category, 0 when none
            byCategory.put(category.name(), 0L);
        }
        byCategory.putAll(group(store.facts().aggregate(List.of(Aggregates.match(COUNTED),
                Aggregates.group("$category", Accumulators.sum("n", 1)), Aggregates.sort(Sorts.ascending("_id"))))));
        out.put("factsByCategory", byCategory);
        out.put("speechesBySpeakerKind", bySpeakerKind(store.speeches().aggregate(List.of(
                Aggregates.group("$speakerKind", Accumulators.sum("n", 1))))));
        out.put("factsBySpeakerKind", bySpeakerKind(store.facts().aggregate(List.of(Aggregates.match(COUNTED),
                Aggregates.group("$speakerKind", Accumulators.sum("n", 1))))));
        out.put("facts", store.facts().countDocuments(COUNTED));
        return out;
    }

    private static Map<String, Long> group(Iterable<Document> rows) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Document row : rows) {
            out.put(String.valueOf(row.get("_id")), row.get("n", Number.class).longValue());
        }
        return out;
    }

    /** Counts grouped by speaker kind, every kind present (0 when none), rows without a kind as a committee's. */
    private static Map<String, Long> bySpeakerKind(Iterable<Document> rows) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (SpeakerKind kind : SpeakerKind.values()) {
            out.put(kind.value(), 0L);
        }
        for (Document row : rows) {
            out.merge(Scope.speakerKindOf(row.get("_id")), row.get("n", Number.class).longValue(), Long::sum);
        }
        return out;
    }

    /** Platform counts per region, speaker kind and tier: the sum of the platform facts' values. */
    public Map<String, Object> platforms(Scope scope) {
        return cache.get(ResultCache.key("platforms", scope.key()), () -> computePlatforms(scope));
    }

    private Map<String, Object> computePlatforms(Scope scope) {
        List<Bson> filters = new ArrayList<>(List.of(SUMMED, eq("category", Category.platform.name())));
        filters.addAll(scope.filters());
        Bson match = and(filters);
        Map<String, Map<String, Object>> regions = new TreeMap<>();
        Map<String, Double> totals = new LinkedHashMap<>();
        Map<String, Double> byKind = new TreeMap<>();
        for (Document row : store.facts().aggregate(List.of(Aggregates.match(match),
                Aggregates.group(new Document("region", "$region").append("regionCode", "$regionCode")
                        .append("speakerKind", "$speakerKind").append("tier", "$tier"),
                        Accumulators.sum("total", "$value"), Accumulators.sum("facts", 1)),
                Aggregates.sort(Sorts.ascending("_id.regionCode", "_id.tier"))))) {
            Document id = row.get("_id", Document.class);
            String kind = Scope.speakerKindOf(id.get("speakerKind"));
            Map<String, Object> r = regions.computeIfAbsent(regionKey(id.getString("regionCode"), id.getString("region"),
                    kind), k -> regionRow(id.getString("region"), id.getString("regionCode"), kind));
            r.computeIfAbsent("tiers", k -> new LinkedHashMap<String, Object>());
            r.computeIfAbsent("facts", k -> new ArrayList<Map<String, Object>>());
            String tier = id.getString("tier") == null ? "unspecified" : id.getString("tier");
            double total = row.get("total", Number.class).doubleValue();
            @SuppressWarnings("unchecked")
            Map<String, Object> tiers = (Map<String, Object>) r.get("tiers");
            Object earlier = tiers.get(tier); // rows stored without a kind and with "committee" meet in one row
            tiers.put(tier, number(total + (earlier == null ? 0 : ((Number) earlier).doubleValue())));
            totals.merge(tier, total, Double::sum);
            byKind.merge(kind, total, Double::sum);
        }
        for (Document fact : store.facts().find(match).sort(StatsStore.FACT_ORDER)) {
            Map<String, Object> r = regions.get(regionKey(fact.getString("regionCode"), fact.getString("region"),
                    Scope.speakerKindOf(fact.get("speakerKind"))));
            if (r != null) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> list = (List<Map<String, Object>>) r.get("facts");
                list.add(FactView.of(fact));
            }
        }
        Map<String, Object> totalsOut = new LinkedHashMap<>();
        for (Tier t : Tier.values()) {
            if (totals.containsKey(t.name())) {
                totalsOut.put(t.name(), number(totals.get(t.name())));
            }
        }
        if (totals.containsKey("unspecified")) {
            totalsOut.put("unspecified", number(totals.get("unspecified")));
        }
        totalsOut.put("all", number(totals.values().stream().mapToDouble(Double::doubleValue).sum()));
        totalsOut.put("bySpeakerKind", numbers(byKind));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("regions", new ArrayList<>(regions.values()));
        out.put("totals", totalsOut);
        return out;
    }

    /**
     * Members figures per region and speaker kind, with coverage where the speech says "all" and what they are
     * assigned to.
     */
    public Map<String, Object> members(Scope scope) {
        return cache.get(ResultCache.key("members", scope.key()), () -> computeMembers(scope));
    }

    private Map<String, Object> computeMembers(Scope scope) {
        List<Bson> filters = new ArrayList<>(List.of(SUMMED, eq("category", Category.member.name())));
        filters.addAll(scope.filters());
        Map<String, Map<String, Object>> regions = new LinkedHashMap<>();
        Map<String, Double> byKind = new TreeMap<>();
        for (Document row : store.facts().aggregate(List.of(Aggregates.match(and(filters)),
                Aggregates.group(new Document("region", "$region").append("regionCode", "$regionCode")
                        .append("speakerKind", "$speakerKind"),
                        Accumulators.sum("members", "$value"), Accumulators.sum("facts", 1)),
                Aggregates.sort(Sorts.ascending("_id.regionCode"))))) {
            Document id = row.get("_id", Document.class);
            String kind = Scope.speakerKindOf(id.get("speakerKind"));
            double members = row.get("members", Number.class).doubleValue();
            // two rows of the same region and kind arrive only for rows stored with and without a kind: merged
            Map<String, Object> r = regions.computeIfAbsent(regionKey(id.getString("regionCode"), id.getString("region"),
                    kind), k -> {
                        Map<String, Object> m = regionRow(id.getString("region"), id.getString("regionCode"), kind);
                        m.put("members", 0L);
                        m.put("coverage", null);
                        m.put("assignedTo", null);
                        m.put("basis", null);
                        m.put("facts", new ArrayList<Map<String, Object>>());
                        return m;
                    });
            r.put("members", number(((Number) r.get("members")).doubleValue() + members));
            byKind.merge(kind, members, Double::sum);
        }
        for (Document fact : store.facts().find(and(filters)).sort(StatsStore.FACT_ORDER)) {
            Map<String, Object> r = regions.get(regionKey(fact.getString("regionCode"), fact.getString("region"),
                    Scope.speakerKindOf(fact.get("speakerKind"))));
            if (r == null) {
                continue;
            }
            String sentence = fact.getString("sentence");
            int offset = sentence.indexOf(fact.getString("text")) + fact.getString("text").length();
            MemberCoverage.Coverage c = MemberCoverage.of(sentence, offset, fact.getString("subject"));
            if (c.coverage() != null) {
                r.put("coverage", c.coverage());
            }
            if (c.assignedTo() != null && r.get("assignedTo") == null) {
                r.put("assignedTo", c.assignedTo());
                r.put("basis", c.basis());
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) r.get("facts");
            list.add(FactView.of(fact));
        }
        double total = regions.values().stream().mapToDouble(r -> ((Number) r.get("members")).doubleValue()).sum();
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("members", number(total));
        totals.put("regions", regions.size());
        totals.put("bySpeakerKind", numbers(byKind));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("regions", new ArrayList<>(regions.values()));
        out.put("totals", totals);
        return out;
    }

    private static String regionKey(String regionCode, String region, String speakerKind) {
        return regionCode + "\u0000" + region + "\u0000" + speakerKind;
    }

    private static Map<String, Object> regionRow(String region, String regionCode, String speakerKind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", region);
        m.put("regionCode", regionCode);
        m.put("speakerKind", speakerKind);
        return m;
    }

    private static Map<String, Object> numbers(Map<String, Double> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, number(v)));
        return out;
    }

    /**
     * Which prefecture-level and county-level divisions have a speaker speaking for them, per province of the
     * speeches in scope (see {@link CommitteeCoverage}), with the speakers by level and by kind.
     */
    public Coverage coverage(Long compilationId, SpeakerKind speakerKind) {
        return cache.get(ResultCache.key("coverage", compilationId, speakerKind),
                () -> computeCoverage(compilationId, speakerKind));
    }

    /** The coverage report and, over the same speeches, how many speak for each level and are of each kind. */
    public record Coverage(String gazetteer, List<CommitteeCoverage.ProvinceRow> provinces,
            CommitteeCoverage.Totals totals, Map<String, Long> committeesByLevel, Map<String, Long> speakersByKind,
            List<CommitteeCoverage.Speaker> outsideGazetteer) {
    }

    private Coverage computeCoverage(Long compilationId, SpeakerKind speakerKind) {
        List<Bson> filters = new Scope(compilationId, null, speakerKind).filters();
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        List<CommitteeCoverage.Speaker> speakers = new ArrayList<>();
        Map<String, Long> byLevel = new TreeMap<>();
        Map<String, Long> byKind = new TreeMap<>();
        for (Document s : store.speeches().find(filter)
                .projection(Projections.exclude("factIds", "textIds")).sort(Sorts.ascending("compilationId", "order"))) {
            String kind = Scope.speakerKindOf(s.get("speakerKind"));
            speakers.add(new CommitteeCoverage.Speaker(s.get("_id", Number.class).longValue(), s.getString("committee"),
                    kind, s.getString("region"), s.getString("regionCode"), s.getString("level"),
                    Boolean.TRUE.equals(s.getBoolean("bodyAvailable"))));
            byLevel.merge(String.valueOf(s.getString("level")), 1L, Long::sum);
            byKind.merge(kind, 1L, Long::sum);
        }
        CommitteeCoverage.Report report = coverage.of(speakers);
        return new Coverage(report.gazetteer(), report.provinces(), report.totals(), byLevel, byKind,
                report.outsideGazetteer());
    }

    /** The facts list's filters; a null field does not restrict. {@code q} is a literal part of the sentence or subject. */
    public record FactFilter(Category category, Tier tier, String region, SpeakerKind speakerKind, Long speechId,
            String q, String status) {
    }

    public Page<Map<String, Object>> facts(FactFilter filter, int page, int size) {
        return cache.get(ResultCache.key("facts", filter, page, size), () -> computeFacts(filter, page, size));
    }

    private Page<Map<String, Object>> computeFacts(FactFilter f, int page, int size) {
        List<Bson> filters = new ArrayList<>(new Scope(null, f.region(), f.speakerKind()).filters());
        if (f.category() != null) {
            filters.add(eq("category", f.category().name()));
        }
        if (f.tier() != null) {
            filters.add(eq("tier", f.tier().name()));
        }
        if (f.speechId() != null) {
            filters.add(eq("speechId", f.speechId()));
        }
        if (f.status() != null) {
            filters.add(eq("status", f.status()));
        }
        if (f.q() != null) {
            Pattern literal = Pattern.compile(Pattern.quote(f.q()));
            filters.add(or(regex("sentence", literal), regex("subject", literal)));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        long total = store.facts().countDocuments(filter);
        List<Map<String, Object>> items = new ArrayList<>();
        store.facts().find(filter).sort(StatsStore.FACT_ORDER).skip(page * size).limit(size)
                .forEach(d -> items.add(FactView.of(d)));
        return new Page<>(items, total, page, size);
    }

    public Optional<Map<String, Object>> fact(String id) {
        return Optional.ofNullable(store.facts().find(eq("_id", id)).first()).map(FactView::of);
    }

    /** Mentions of each term per speech, per region and per speaker kind, counted in the stored texts. */
    public Map<String, Object> topics(List<String> terms, Long compilationId, SpeakerKind speakerKind) {
        return cache.get(ResultCache.key("topics", terms, compilationId, speakerKind),
                () -> computeTopics(terms, new Scope(compilationId, null, speakerKind)));
    }

    private Map<String, Object> computeTopics(List<String> terms, Scope scope) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String term : terms) {
            List<Bson> filters = new ArrayList<>(scope.filters());
            filters.add(regex("text", Pattern.compile(Pattern.quote(term))));
            Bson filter = and(filters);
            Map<Long, Map<String, Object>> speeches = new TreeMap<>();
            Map<String, Long> regions = new LinkedHashMap<>();
            Map<String, Long> kinds = new TreeMap<>();
            long total = 0;
            for (Document t : store.texts().find(filter).sort(Sorts.ascending("speechId", "sectionIndex", "paragraphIndex"))) {
                long n = occurrences(t.getString("text"), term);
                total += n;
                long speechId = t.get("speechId", Number.class).longValue();
                Map<String, Object> s = speeches.computeIfAbsent(speechId, k -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("speechId", k);
                    m.put("region", t.getString("region"));
                    m.put("speakerKind", Scope.speakerKindOf(t.get("speakerKind")));
                    m.put("mentions", 0L);
                    return m;
                });
                s.put("mentions", (Long) s.get("mentions") + n);
                regions.merge(String.valueOf(t.getString("region")), n, Long::sum);
                kinds.merge(Scope.speakerKindOf(t.get("speakerKind")), n, Long::sum);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("term", term);
            row.put("mentions", total);
            row.put("speeches", new ArrayList<>(speeches.values()));
            row.put("regions", regions);
            row.put("speakerKinds", kinds);
            out.add(row);
        }
        return Map.of("terms", out);
    }

    static long occurrences(String text, String term) {
        long n = 0;
        for (int i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length())) {
            n++;
        }
        return n;
    }

    /** Records a curation and applies it to the stored fact at once. */
    public Optional<Map<String, Object>> curate(String factId, String action, BigDecimal value, String unit,
            String subject, String category, String tier, String note, String by) {
        Document fact = store.facts().find(eq("_id", factId)).first();
        if (fact == null) {
            return Optional.empty();
        }
        Document curation = FactDocuments.curation(factId, fact.get("speechId", Number.class).longValue(),
                fact.getString("sentence"), action, value, unit, subject, category, tier, note, by);
        // re-apply on top of what was extracted, not on top of an earlier correction
        Document extracted = fact.get("extracted", Document.class);
        if (extracted != null) {
            extracted.forEach(fact::put);
            fact.remove("extracted");
        }
        FactDocuments.applyCuration(fact, curation);
        store.saveCuration(curation, fact);
        return Optional.of(FactView.of(fact));
    }

    static Object number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
    }
}
