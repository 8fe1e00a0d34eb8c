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
import org.cppcc.archive.stats.extraction.Category;
import org.cppcc.archive.stats.extraction.MemberCoverage;
import org.cppcc.archive.stats.extraction.Tier;
import org.cppcc.archive.stats.store.StatsStore;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/** The aggregates the API serves, computed in MongoDB with the aggregation pipeline where it can be. */
@ApplicationScoped
public class StatsQueries {

    private static final Bson COUNTED = ne("status", "rejected");

    private final StatsStore store;
    private final ResultCache cache;

    StatsQueries(StatsStore store) {
        this.store = store;
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

    /** Platform counts per region and tier: the sum of the platform facts' values. */
    public Map<String, Object> platforms(Long compilationId, String region) {
        return cache.get(ResultCache.key("platforms", compilationId, region),
                () -> computePlatforms(compilationId, region));
    }

    private Map<String, Object> computePlatforms(Long compilationId, String region) {
        List<Bson> filters = new ArrayList<>(List.of(COUNTED, eq("category", Category.platform.name())));
        if (compilationId != null) {
            filters.add(eq("compilationId", compilationId));
        }
        if (region != null) {
            filters.add(eq("region", region));
        }
        Bson match = and(filters);
        Map<String, Map<String, Object>> regions = new TreeMap<>();
        Map<String, Double> totals = new LinkedHashMap<>();
        for (Document row : store.facts().aggregate(List.of(Aggregates.match(match),
                Aggregates.group(new Document("region", "$region").append("regionCode", "$regionCode").append("tier", "$tier"),
                        Accumulators.sum("total", "$value"), Accumulators.sum("facts", 1)),
                Aggregates.sort(Sorts.ascending("_id.regionCode", "_id.tier"))))) {
            Document id = row.get("_id", Document.class);
            String name = id.getString("region");
            Map<String, Object> r = regions.computeIfAbsent(String.valueOf(id.getString("regionCode")) + name, k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("region", name);
                m.put("regionCode", id.getString("regionCode"));
                m.put("tiers", new LinkedHashMap<String, Object>());
                m.put("facts", new ArrayList<Map<String, Object>>());
                return m;
            });
            String tier = id.getString("tier") == null ? "unspecified" : id.getString("tier");
            double total = row.get("total", Number.class).doubleValue();
            @SuppressWarnings("unchecked")
            Map<String, Object> tiers = (Map<String, Object>) r.get("tiers");
            tiers.put(tier, number(total));
            totals.merge(tier, total, Double::sum);
        }
        for (Document fact : store.facts().find(match).sort(StatsStore.FACT_ORDER)) {
            Map<String, Object> r = regions.get(fact.getString("regionCode") + fact.getString("region"));
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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("regions", new ArrayList<>(regions.values()));
        out.put("totals", totalsOut);
        return out;
    }

    /** Members figures per region, with coverage where the speech says "all" and what they are assigned to. */
    public Map<String, Object> members(Long compilationId, String region) {
        return cache.get(ResultCache.key("members", compilationId, region), () -> computeMembers(compilationId, region));
    }

    private Map<String, Object> computeMembers(Long compilationId, String region) {
        List<Bson> filters = new ArrayList<>(List.of(COUNTED, eq("category", Category.member.name())));
        if (compilationId != null) {
            filters.add(eq("compilationId", compilationId));
        }
        if (region != null) {
            filters.add(eq("region", region));
        }
        Map<String, Map<String, Object>> regions = new LinkedHashMap<>();
        for (Document row : store.facts().aggregate(List.of(Aggregates.match(and(filters)),
                Aggregates.group(new Document("region", "$region").append("regionCode", "$regionCode"),
                        Accumulators.sum("members", "$value"), Accumulators.sum("facts", 1)),
                Aggregates.sort(Sorts.ascending("_id.regionCode"))))) {
            Document id = row.get("_id", Document.class);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("region", id.getString("region"));
            r.put("regionCode", id.getString("regionCode"));
            r.put("members", number(row.get("members", Number.class).doubleValue()));
            r.put("coverage", null);
            r.put("assignedTo", null);
            r.put("basis", null);
            r.put("facts", new ArrayList<Map<String, Object>>());
            regions.put(id.getString("region"), r);
        }
        for (Document fact : store.facts().find(and(filters)).sort(StatsStore.FACT_ORDER)) {
            Map<String, Object> r = regions.get(fact.getString("region"));
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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("regions", new ArrayList<>(regions.values()));
        out.put("totals", Map.of("members", number(total), "regions", regions.size()));
        return out;
    }

    /** Which of Sichuan's 21 prefecture-level divisions have a committee speaking, directly or through a county. */
    public Map<String, Object> coverage(Long compilationId) {
        return cache.get(ResultCache.key("coverage", compilationId), () -> computeCoverage(compilationId));
    }

    private Map<String, Object> computeCoverage(Long compilationId) {
        Bson filter = compilationId == null ? new Document() : eq("compilationId", compilationId);
        Map<String, List<Map<String, Object>>> byPrefecture = new LinkedHashMap<>();
        Gazetteer.SICHUAN_PREFECTURES.keySet().forEach(p -> byPrefecture.put(p, new ArrayList<>()));
        List<Map<String, Object>> outside = new ArrayList<>();
        for (Document s : store.speeches().find(filter)
                .projection(Projections.exclude("factIds", "textIds")).sort(Sorts.ascending("compilationId", "order"))) {
            Map<String, Object> committee = new LinkedHashMap<>();
            committee.put("speechId", s.get("_id"));
            committee.put("committee", s.getString("committee"));
            committee.put("region", s.getString("region"));
            committee.put("regionCode", s.getString("regionCode"));
            committee.put("level", s.getString("level"));
            committee.put("content", Boolean.TRUE.equals(s.getBoolean("bodyAvailable")) ? "body" : "outline");
            String prefecture = byPrefecture.containsKey(s.getString("region")) ? s.getString("region")
                    : s.getString("parentRegion");
            if (prefecture != null && byPrefecture.containsKey(prefecture)) {
                byPrefecture.get(prefecture).add(committee);
            } else {
                outside.add(committee);
            }
        }
        List<Map<String, Object>> prefectures = new ArrayList<>();
        int represented = 0;
        int withBody = 0;
        for (Map.Entry<String, List<Map<String, Object>>> e : byPrefecture.entrySet()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("region", e.getKey());
            p.put("regionCode", Gazetteer.SICHUAN_PREFECTURES.get(e.getKey()));
            p.put("represented", !e.getValue().isEmpty());
            p.put("withBody", e.getValue().stream().anyMatch(c -> "body".equals(c.get("content"))));
            p.put("committees", e.getValue());
            represented += e.getValue().isEmpty() ? 0 : 1;
            withBody += (Boolean) p.get("withBody") ? 1 : 0;
            prefectures.add(p);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("gazetteer", "Sichuan prefecture-level divisions (GB/T 2260)");
        out.put("prefectures", prefectures);
        out.put("totals", Map.of("prefectures", byPrefecture.size(), "represented", represented, "withBody", withBody,
                "coverage", byPrefecture.isEmpty() ? 0.0 : (double) represented / byPrefecture.size()));
        out.put("committeesByLevel", group(store.speeches().aggregate(List.of(Aggregates.match(filter),
                Aggregates.group("$level", Accumulators.sum("n", 1)), Aggregates.sort(Sorts.ascending("_id"))))));
        out.put("outsideGazetteer", outside);
        return out;
    }

    public Page<Map<String, Object>> facts(String category, String tier, String region, Long speechId, String q,
            String status, int page, int size) {
        return cache.get(ResultCache.key("facts", category, tier, region, speechId, q, status, page, size),
                () -> computeFacts(category, tier, region, speechId, q, status, page, size));
    }

    private Page<Map<String, Object>> computeFacts(String category, String tier, String region, Long speechId, String q,
            String status, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (category != null) {
            filters.add(eq("category", category));
        }
        if (tier != null) {
            filters.add(eq("tier", tier));
        }
        if (region != null) {
            filters.add(eq("region", region));
        }
        if (speechId != null) {
            filters.add(eq("speechId", speechId));
        }
        if (status != null) {
            filters.add(eq("status", status));
        }
        if (q != null) {
            Pattern literal = Pattern.compile(Pattern.quote(q));
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

    /** Mentions of each term per speech and per region, counted in the stored texts. */
    public Map<String, Object> topics(List<String> terms, Long compilationId) {
        return cache.get(ResultCache.key("topics", terms, compilationId), () -> computeTopics(terms, compilationId));
    }

    private Map<String, Object> computeTopics(List<String> terms, Long compilationId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String term : terms) {
            Bson filter = regex("text", Pattern.compile(Pattern.quote(term)));
            if (compilationId != null) {
                filter = and(filter, eq("compilationId", compilationId));
            }
            Map<Long, Map<String, Object>> speeches = new TreeMap<>();
            Map<String, Long> regions = new LinkedHashMap<>();
            long total = 0;
            for (Document t : store.texts().find(filter).sort(Sorts.ascending("speechId", "sectionIndex", "paragraphIndex"))) {
                long n = occurrences(t.getString("text"), term);
                total += n;
                long speechId = t.get("speechId", Number.class).longValue();
                Map<String, Object> s = speeches.computeIfAbsent(speechId, k -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("speechId", k);
                    m.put("region", t.getString("region"));
                    m.put("mentions", 0L);
                    return m;
                });
                s.put("mentions", (Long) s.get("mentions") + n);
                regions.merge(String.valueOf(t.getString("region")), n, Long::sum);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("term", term);
            row.put("mentions", total);
            row.put("speeches", new ArrayList<>(speeches.values()));
            row.put("regions", regions);
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
