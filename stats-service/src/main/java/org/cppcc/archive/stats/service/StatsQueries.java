package org.cppcc.archive.stats.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.cppcc.archive.stats.api.Coverage;
import org.cppcc.archive.stats.api.Fact;
import org.cppcc.archive.stats.api.Figures;
import org.cppcc.archive.stats.api.Members;
import org.cppcc.archive.stats.api.Overview;
import org.cppcc.archive.stats.api.Page;
import org.cppcc.archive.stats.api.Platforms;
import org.cppcc.archive.stats.api.Scope;
import org.cppcc.archive.stats.api.SpeakerKind;
import org.cppcc.archive.stats.api.Topics;
import org.cppcc.archive.stats.divisions.CommitteeCoverage;
import org.cppcc.archive.stats.divisions.Gazetteer;
import org.cppcc.archive.stats.extraction.Category;
import org.cppcc.archive.stats.extraction.Tier;
import org.cppcc.archive.stats.repository.FactQuery;
import org.cppcc.archive.stats.repository.SpeechFigures;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.cppcc.archive.stats.repository.StoredSpeech;

/**
 * The statistics the API serves, read only: folded from the figures of each speech ({@link FigureIndex}), the facts
 * a page shows read by id. Only a facts list filtered by a phrase ({@code q}) asks the store to read every fact.
 * Each answer is kept until the next write ({@link ResultCache}).
 */
@ApplicationScoped
public class StatsQueries {

    private static final String UNSPECIFIED_TIER = "unspecified";
    private static final Comparator<Tier> TIERS = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final String FACTS_PATH = "/api/v1/stats/facts";

    private final StatsRepository repository;
    private final FigureIndex index;
    private final CommitteeCoverage coverage;
    private final ResultCache cache;

    StatsQueries(StatsRepository repository, FigureIndex index, Gazetteer gazetteer) {
        this.repository = repository;
        this.index = index;
        this.coverage = new CommitteeCoverage(gazetteer);
        this.cache = new ResultCache(() -> repository.generation() + index.generation(), 256);
    }

    /**
     * The facts list's filters; a null field does not restrict. {@code q} is a literal part of the sentence or subject;
     * {@code summed} takes only the facts a total adds up (not rejected, one figure for the whole).
     */
    public record FactFilter(Category category, Tier tier, String region, String regionCode, SpeakerKind speakerKind,
            Long compilationId, Long speechId, String q, Fact.Status status, boolean summed) {

        public FactFilter(Category category, Tier tier, String region, SpeakerKind speakerKind, Long speechId,
                String q, Fact.Status status) {
            this(category, tier, region, null, speakerKind, null, speechId, q, status, false);
        }

        FactQuery query() {
            return new FactQuery(new Scope(compilationId, region, speakerKind), regionCode, category, tier, speechId,
                    status, q, summed, summed);
        }
    }

    /** One page of the rows of an answer: {@code page} is 0-based. */
    public record Rows(int page, int size) {

        /** Every row, for a representation without the rows' facts (CSV). */
        public static final Rows ALL = new Rows(0, Integer.MAX_VALUE);
        /** The rows an answer shows when no page is asked for. */
        public static final Rows FIRST_PAGE = new Rows(0, 20);

        <T> List<T> of(List<T> rows) {
            long from = (long) page * size;
            if (from >= rows.size()) {
                return List.of();
            }
            return rows.subList((int) from, (int) Math.min(rows.size(), from + size));
        }
    }

    /** The live speeches stored (deleted ones leave a tombstone in the store, which this does not count). */
    public long speechCount() {
        return index.speeches().size();
    }

    public Overview overview() {
        return cache.get(ResultCache.key("overview"), this::computeOverview);
    }

    private Overview computeOverview() {
        Map<String, Long> byCategory = new LinkedHashMap<>();
        for (Category category : Category.values()) { // every category, 0 when none
            byCategory.put(category.name(), 0L);
        }
        Set<Long> compilations = new HashSet<>();
        long speeches = 0, withBody = 0, truncated = 0, characters = 0, facts = 0;
        Map<String, Long> levels = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        Map<String, Long> speechesByKind = bySpeakerKind();
        Map<String, Long> factsByKind = bySpeakerKind();
        for (StoredSpeech s : index.speeches()) {
            String kind = Scope.speakerKindOf(s.speakerKind());
            if (s.compilationId() != null) {
                compilations.add(s.compilationId());
            }
            speeches++;
            withBody += s.bodyAvailable() ? 1 : 0;
            truncated += s.truncated() ? 1 : 0;
            characters += s.characters();
            levels.merge(s.level(), 1L, Long::sum);
            speechesByKind.merge(kind, 1L, Long::sum);
            for (SpeechFigures.FactCount c : s.figures().facts()) {
                if (c.status() != Fact.Status.rejected) {
                    byCategory.merge(c.category() == null ? "null" : c.category().name(), c.n(), Long::sum);
                    factsByKind.merge(kind, c.n(), Long::sum);
                    facts += c.n();
                }
            }
        }
        Map<String, Long> byLevel = new LinkedHashMap<>();
        levels.forEach((level, n) -> byLevel.put(String.valueOf(level), n));
        return new Overview(compilations.size(), new Overview.Speeches(speeches, withBody, speeches - withBody,
                truncated), byLevel, characters, byCategory, speechesByKind, factsByKind, facts);
    }

    /** Every speaker kind, 0 each. */
    private static Map<String, Long> bySpeakerKind() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (SpeakerKind kind : SpeakerKind.values()) {
            out.put(kind.value(), 0L);
        }
        return out;
    }

    /** The rows of a platforms or members answer as they are folded: one region and speaker kind. */
    private static final class Row {
        final String region;
        final String regionCode;
        final String speakerKind;
        final Map<Tier, Double> tiers = new TreeMap<>(TIERS);
        double members;
        long facts;
        final List<String> first = new ArrayList<>();
        Double coverage;
        String assignedTo;
        String basis;

        Row(StoredSpeech s, String speakerKind) {
            this.region = s.region();
            this.regionCode = s.regionCode();
            this.speakerKind = speakerKind;
        }

        void add(long n, List<String> firstIds) {
            facts += n;
            for (String id : firstIds) {
                if (first.size() < SpeechFigures.FIRST) {
                    first.add(id);
                }
            }
        }
    }

    /** The first page of {@link #platforms(Scope, Rows)}. */
    public Platforms platforms(Scope scope) {
        return platforms(scope, Rows.FIRST_PAGE);
    }

    /** Platform counts per region, speaker kind and tier: the sum of the platform facts' values. */
    public Platforms platforms(Scope scope, Rows rows) {
        return cache.get(ResultCache.key("platforms", scope, rows), () -> computePlatforms(scope, rows));
    }

    private Platforms computePlatforms(Scope scope, Rows page) {
        Map<String, Row> rows = new TreeMap<>(); // by region key
        Map<String, Double> totals = new HashMap<>();
        Map<String, Double> byKind = new TreeMap<>();
        for (StoredSpeech s : index.speeches()) {
            SpeechFigures f = s.figures();
            if (f.platformFacts() == 0 || !inScope(s, scope)) {
                continue;
            }
            String kind = Scope.speakerKindOf(s.speakerKind());
            // rows stored without a kind and with "committee" meet in one row
            Row row = rows.computeIfAbsent(regionKey(s.regionCode(), s.region(), kind), k -> new Row(s, kind));
            row.add(f.platformFacts(), f.firstPlatformFacts());
            for (SpeechFigures.TierSum t : f.platforms()) {
                row.tiers.merge(t.tier(), t.total(), Double::sum);
                totals.merge(t.tier() == null ? UNSPECIFIED_TIER : t.tier().name(), t.total(), Double::sum);
                byKind.merge(kind, t.total(), Double::sum);
            }
        }
        List<Row> all = new ArrayList<>(rows.values());
        List<Row> shown = page.of(all);
        Map<String, Fact> facts = firstFacts(shown);
        List<Platforms.Region> regions = new ArrayList<>();
        for (Row row : shown) {
            Map<String, Number> tiers = new LinkedHashMap<>();
            row.tiers.forEach((tier, total) -> tiers.put(tier == null ? UNSPECIFIED_TIER : tier.name(),
                    Figures.of(total)));
            regions.add(new Platforms.Region(row.region, row.regionCode, row.speakerKind, tiers,
                    facts(row, facts), row.facts, factsQuery(Category.platform, row, scope)));
        }
        return new Platforms(regions, new Platforms.Totals(figure(totals.get(Tier.city.name())),
                figure(totals.get(Tier.county.name())), figure(totals.get(Tier.township.name())),
                figure(totals.get(Tier.village.name())), figure(totals.get(UNSPECIFIED_TIER)),
                Figures.of(totals.values().stream().mapToDouble(Double::doubleValue).sum()), figures(byKind)),
                all.size(), page.page(), pageSize(page));
    }

    /**
     * Members figures per region and speaker kind, with coverage where the speech says "all" and what they are
     * assigned to.
     */
    public Members members(Scope scope, Rows rows) {
        return cache.get(ResultCache.key("members", scope, rows), () -> computeMembers(scope, rows));
    }

    /** The first page of {@link #members(Scope, Rows)}. */
    public Members members(Scope scope) {
        return members(scope, Rows.FIRST_PAGE);
    }

    private Members computeMembers(Scope scope, Rows page) {
        Map<String, Row> rows = new TreeMap<>(); // by region key, in region code order
        Map<String, Double> byKind = new TreeMap<>();
        for (StoredSpeech s : index.speeches()) { // by speech id: the facts' provenance order
            SpeechFigures f = s.figures();
            if (f.memberFacts() == 0 || !inScope(s, scope)) {
                continue;
            }
            String kind = Scope.speakerKindOf(s.speakerKind());
            // two speeches of the same region and kind, or one stored with and one without a kind: one row
            Row row = rows.computeIfAbsent(regionKey(s.regionCode(), s.region(), kind), k -> new Row(s, kind));
            row.add(f.memberFacts(), f.firstMemberFacts());
            row.members += f.members();
            byKind.merge(kind, f.members(), Double::sum);
            if (f.memberCoverage() != null) {
                row.coverage = f.memberCoverage(); // the last stated
            }
            if (f.assignedTo() != null && row.assignedTo == null) {
                row.assignedTo = f.assignedTo(); // the first stated
                row.basis = f.basis();
            }
        }
        List<Row> all = new ArrayList<>(rows.values());
        List<Row> shown = page.of(all);
        Map<String, Fact> facts = firstFacts(shown);
        List<Members.Region> regions = new ArrayList<>();
        for (Row row : shown) {
            regions.add(new Members.Region(row.region, row.regionCode, row.speakerKind, Figures.of(row.members),
                    row.coverage, row.assignedTo, row.basis, facts(row, facts), row.facts,
                    factsQuery(Category.member, row, scope)));
        }
        double total = all.stream().mapToDouble(r -> r.members).sum();
        return new Members(regions, new Members.Totals(Figures.of(total), all.size(), figures(byKind)), all.size(),
                page.page(), pageSize(page));
    }

    private static int pageSize(Rows page) {
        return page.size() == Integer.MAX_VALUE ? 0 : page.size();
    }

    /** The first facts of the rows shown, by id: one read by primary key. */
    private Map<String, Fact> firstFacts(List<Row> rows) {
        List<String> ids = rows.stream().flatMap(r -> r.first.stream()).toList();
        Map<String, Fact> out = new HashMap<>();
        repository.factsById(ids).forEach(f -> out.put(f.id(), f));
        return out;
    }

    private static List<Fact> facts(Row row, Map<String, Fact> facts) {
        return row.first.stream().map(facts::get).filter(Objects::nonNull).toList();
    }

    /** The facts list that lists every fact of a row: {@code /api/v1/stats/facts?…}, its values percent-encoded. */
    private static String factsQuery(Category category, Row row, Scope scope) {
        StringBuilder q = new StringBuilder(FACTS_PATH).append("?category=").append(category.name())
                .append("&summed=true");
        if (row.region != null) {
            q.append("&region=").append(URLEncoder.encode(row.region, StandardCharsets.UTF_8));
        }
        if (row.regionCode != null) {
            q.append("&regionCode=").append(URLEncoder.encode(row.regionCode, StandardCharsets.UTF_8));
        }
        q.append("&speakerKind=").append(URLEncoder.encode(row.speakerKind, StandardCharsets.UTF_8));
        if (scope.compilationId() != null) {
            q.append("&compilationId=").append(scope.compilationId());
        }
        return q.toString();
    }

    /** Whether a speech is in a scope (rows stored before speakers had kinds are a committee's). */
    private static boolean inScope(StoredSpeech s, Scope scope) {
        return (scope.compilationId() == null || scope.compilationId().equals(s.compilationId()))
                && (scope.region() == null || scope.region().equals(s.region()))
                && (scope.speakerKind() == null
                        || scope.speakerKind().value().equals(Scope.speakerKindOf(s.speakerKind())));
    }

    private static String regionKey(String regionCode, String region, String speakerKind) {
        return regionCode + "\u0000" + region + "\u0000" + speakerKind;
    }

    private static Map<String, Number> figures(Map<String, Double> values) {
        Map<String, Number> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, Figures.of(v)));
        return out;
    }

    private static Number figure(Double value) {
        return value == null ? null : Figures.of(value);
    }

    /**
     * Which prefecture-level and county-level divisions have a speaker speaking for them, per province of the
     * speeches in scope (see {@link CommitteeCoverage}), with the speakers by level and by kind.
     */
    public Coverage coverage(Long compilationId, SpeakerKind speakerKind) {
        return cache.get(ResultCache.key("coverage", compilationId, speakerKind),
                () -> computeCoverage(new Scope(compilationId, null, speakerKind)));
    }

    private Coverage computeCoverage(Scope scope) {
        List<StoredSpeech> inScope = new ArrayList<>();
        for (StoredSpeech s : index.speeches()) {
            if (inScope(s, scope)) {
                inScope.add(s);
            }
        }
        inScope.sort(Comparator.comparing(StoredSpeech::compilationId, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(StoredSpeech::order));
        List<CommitteeCoverage.Speaker> speakers = new ArrayList<>();
        Map<String, Long> byLevel = new TreeMap<>();
        Map<String, Long> byKind = new TreeMap<>();
        for (StoredSpeech s : inScope) {
            String kind = Scope.speakerKindOf(s.speakerKind());
            speakers.add(new CommitteeCoverage.Speaker(s.id(), s.committee(), kind, s.region(), s.regionCode(),
                    s.level(), s.bodyAvailable()));
            byLevel.merge(String.valueOf(s.level()), 1L, Long::sum);
            byKind.merge(kind, 1L, Long::sum);
        }
        CommitteeCoverage.Report report = coverage.of(speakers);
        return new Coverage(report.gazetteer(), report.provinces(), report.totals(), byLevel, byKind,
                report.outsideGazetteer());
    }

    public Page<Fact> facts(FactFilter filter, int page, int size) {
        return cache.get(ResultCache.key("facts", filter, page, size), () -> computeFacts(filter, page, size));
    }

    private Page<Fact> computeFacts(FactFilter f, int page, int size) {
        FactQuery query = f.query();
        if (f.q() != null) {
            // a phrase: only the sentences tell
            return new Page<>(repository.facts(query, page * size, size), repository.countFacts(query), page, size);
        }
        // the speeches' counts give the total and where the page starts; its facts are read by id, speech by speech
        long skip = (long) page * size;
        long total = 0;
        List<Fact> items = new ArrayList<>();
        for (StoredSpeech s : index.speeches()) {
            if (!inScope(s, query.scope()) || (f.regionCode() != null && !f.regionCode().equals(s.regionCode()))
                    || (f.speechId() != null && f.speechId() != s.id())) {
                continue;
            }
            long n = 0;
            for (SpeechFigures.FactCount c : s.figures().facts()) {
                if ((f.category() == null || f.category() == c.category()) && (f.tier() == null || f.tier() == c.tier())
                        && (f.status() == null || f.status() == c.status())
                        && (!f.summed() || (c.status() != Fact.Status.rejected && c.whole()))) {
                    n += c.n();
                }
            }
            if (n > 0 && items.size() < size && total + n > skip) {
                List<Fact> taken = repository.speech(s.id()).map(repository::factsOf).orElse(List.of()).stream()
                        .filter(query::takes).toList();
                for (long i = Math.max(0, skip - total); i < taken.size() && items.size() < size; i++) {
                    items.add(taken.get((int) i));
                }
            }
            total += n;
        }
        return new Page<>(items, total, page, size);
    }

    public Optional<Fact> fact(String id) {
        return repository.fact(id);
    }

    /** Mentions of each term per speech, per region and per speaker kind, counted in the stored texts. */
    public Topics topics(List<String> terms, Long compilationId, SpeakerKind speakerKind) {
        return cache.get(ResultCache.key("topics", terms, compilationId, speakerKind),
                () -> computeTopics(terms, new Scope(compilationId, null, speakerKind)));
    }

    private Topics computeTopics(List<String> terms, Scope scope) {
        List<Topics.Term> out = new ArrayList<>();
        for (String term : terms) {
            Map<Long, Long> mentions = new TreeMap<>(index.mentions(term));
            List<Topics.Speech> speeches = new ArrayList<>();
            Map<String, Long> regions = new LinkedHashMap<>();
            Map<String, Long> kinds = new TreeMap<>();
            long total = 0;
            for (Map.Entry<Long, Long> m : mentions.entrySet()) {
                StoredSpeech s = index.speech(m.getKey());
                if (s == null || !inScope(s, scope)) {
                    continue;
                }
                long n = m.getValue();
                String kind = Scope.speakerKindOf(s.speakerKind());
                total += n;
                speeches.add(new Topics.Speech(s.id(), s.region(), kind, n));
                regions.merge(String.valueOf(s.region()), n, Long::sum);
                kinds.merge(kind, n, Long::sum);
            }
            out.add(new Topics.Term(term, total, speeches, regions, kinds));
        }
        return new Topics(out);
    }

    static long occurrences(String text, String term) {
        long n = 0;
        for (int i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length())) {
            n++;
        }
        return n;
    }
}
