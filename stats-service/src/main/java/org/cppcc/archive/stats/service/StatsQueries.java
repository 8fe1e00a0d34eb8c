package org.cppcc.archive.stats.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.cppcc.archive.stats.extraction.MemberCoverage;
import org.cppcc.archive.stats.extraction.Tier;
import org.cppcc.archive.stats.repository.FactQuery;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.cppcc.archive.stats.repository.StatsRepository.Count;
import org.cppcc.archive.stats.repository.StatsRepository.MemberGroup;
import org.cppcc.archive.stats.repository.StatsRepository.PlatformGroup;
import org.cppcc.archive.stats.repository.StoredSpeech;
import org.cppcc.archive.stats.repository.StoredText;

/**
 * The statistics the API serves, read only: totals grouped in MongoDB's aggregation pipeline (by the repository),
 * folded here into the answers. Each answer is kept until the next write ({@link ResultCache}), since computing it
 * reads every fact.
 */
@ApplicationScoped
public class StatsQueries {

    private static final String UNSPECIFIED_TIER = "unspecified";

    private final StatsRepository repository;
    private final CommitteeCoverage coverage;
    private final ResultCache cache;

    StatsQueries(StatsRepository repository, Gazetteer gazetteer) {
        this.repository = repository;
        this.coverage = new CommitteeCoverage(gazetteer);
        this.cache = new ResultCache(repository::generation, 256);
    }

    /** The facts list's filters; a null field does not restrict. {@code q} is a literal part of the sentence or subject. */
    public record FactFilter(Category category, Tier tier, String region, SpeakerKind speakerKind, Long speechId,
            String q, Fact.Status status) {
    }

    public Overview overview() {
        return cache.get(ResultCache.key("overview"), this::computeOverview);
    }

    private Overview computeOverview() {
        Map<String, Long> byCategory = new LinkedHashMap<>();
        for (Category category : Category.values()) { // every category, 0 when none
            byCategory.put(category.name(), 0L);
        }
        repository.factsByCategory(FactQuery.allCounted()).forEach(c -> byCategory.put(String.valueOf(c.key()), c.n()));
        Map<String, Long> byLevel = new LinkedHashMap<>();
        repository.speechesByLevel().forEach(c -> byLevel.put(String.valueOf(c.key()), c.n()));
        return new Overview(repository.compilations(),
                new Overview.Speeches(repository.speechCount(), repository.speechesWithBody(true),
                        repository.speechesWithBody(false), repository.truncatedSpeeches()),
                byLevel, repository.characters(), byCategory, bySpeakerKind(repository.speechesBySpeakerKind()),
                bySpeakerKind(repository.factsBySpeakerKind(FactQuery.allCounted())),
                repository.countFacts(FactQuery.allCounted()));
    }

    /** Counts grouped by speaker kind, every kind present (0 when none), rows without a kind as a committee's. */
    private static Map<String, Long> bySpeakerKind(List<Count> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (SpeakerKind kind : SpeakerKind.values()) {
            out.put(kind.value(), 0L);
        }
        counts.forEach(c -> out.merge(Scope.speakerKindOf(c.key()), c.n(), Long::sum));
        return out;
    }

    /** Platform counts per region, speaker kind and tier: the sum of the platform facts' values. */
    public Platforms platforms(Scope scope) {
        return cache.get(ResultCache.key("platforms", scope), () -> computePlatforms(scope));
    }

    private Platforms computePlatforms(Scope scope) {
        FactQuery query = FactQuery.summed(Category.platform, scope);
        Map<String, Map<String, Double>> tiers = new TreeMap<>(); // by region key
        Map<String, PlatformGroup> firstGroup = new LinkedHashMap<>();
        Map<String, Double> totals = new LinkedHashMap<>();
        Map<String, Double> byKind = new TreeMap<>();
        for (PlatformGroup g : repository.platformGroups(query)) {
            String kind = Scope.speakerKindOf(g.speakerKind());
            String key = regionKey(g.regionCode(), g.region(), kind);
            firstGroup.putIfAbsent(key, g);
            String tier = g.tier() == null ? UNSPECIFIED_TIER : g.tier();
            // rows stored without a kind and with "committee" meet in one row
            tiers.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(tier, g.total(), Double::sum);
            totals.merge(tier, g.total(), Double::sum);
            byKind.merge(kind, g.total(), Double::sum);
        }
        Map<String, List<Fact>> facts = factsByRegion(query, tiers.keySet());
        List<Platforms.Region> regions = new ArrayList<>();
        tiers.forEach((key, byTier) -> {
            PlatformGroup g = firstGroup.get(key);
            regions.add(new Platforms.Region(g.region(), g.regionCode(), Scope.speakerKindOf(g.speakerKind()),
                    figures(byTier), facts.get(key)));
        });
        return new Platforms(regions, new Platforms.Totals(figure(totals.get(Tier.city.name())),
                figure(totals.get(Tier.county.name())), figure(totals.get(Tier.township.name())),
                figure(totals.get(Tier.village.name())), figure(totals.get(UNSPECIFIED_TIER)),
                Figures.of(totals.values().stream().mapToDouble(Double::doubleValue).sum()), figures(byKind)));
    }

    /**
     * Members figures per region and speaker kind, with coverage where the speech says "all" and what they are
     * assigned to.
     */
    public Members members(Scope scope) {
        return cache.get(ResultCache.key("members", scope), () -> computeMembers(scope));
    }

    private Members computeMembers(Scope scope) {
        FactQuery query = FactQuery.summed(Category.member, scope);
        Map<String, MemberGroup> firstGroup = new LinkedHashMap<>();
        Map<String, Double> members = new LinkedHashMap<>(); // by region key, in region code order
        Map<String, Double> byKind = new TreeMap<>();
        for (MemberGroup g : repository.memberGroups(query)) {
            String kind = Scope.speakerKindOf(g.speakerKind());
            String key = regionKey(g.regionCode(), g.region(), kind);
            // two rows of the same region and kind arrive only for rows stored with and without a kind: merged
            firstGroup.putIfAbsent(key, g);
            members.merge(key, g.members(), Double::sum);
            byKind.merge(kind, g.members(), Double::sum);
        }
        Map<String, List<Fact>> facts = factsByRegion(query, members.keySet());
        List<Members.Region> regions = new ArrayList<>();
        members.forEach((key, n) -> {
            MemberGroup g = firstGroup.get(key);
            Double share = null;
            String assignedTo = null;
            String basis = null;
            for (Fact fact : facts.get(key)) {
                int offset = fact.sentence().indexOf(fact.text()) + fact.text().length();
                MemberCoverage.Coverage c = MemberCoverage.of(fact.sentence(), offset, fact.subject());
                if (c.coverage() != null) {
                    share = c.coverage();
                }
                if (c.assignedTo() != null && assignedTo == null) {
                    assignedTo = c.assignedTo();
                    basis = c.basis();
                }
            }
            regions.add(new Members.Region(g.region(), g.regionCode(), Scope.speakerKindOf(g.speakerKind()),
                    Figures.of(n), share, assignedTo, basis, facts.get(key)));
        });
        double total = members.values().stream().mapToDouble(Double::doubleValue).sum();
        return new Members(regions, new Members.Totals(Figures.of(total), regions.size(), figures(byKind)));
    }

    /** The facts of a query by region key, for the keys given (each with a list, empty when it has none). */
    private Map<String, List<Fact>> factsByRegion(FactQuery query, Iterable<String> keys) {
        Map<String, List<Fact>> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, new ArrayList<>()));
        for (Fact fact : repository.facts(query)) {
            List<Fact> list = out.get(regionKey(fact.regionCode(), fact.region(), Scope.speakerKindOf(fact.speakerKind())));
            if (list != null) {
                list.add(fact);
            }
        }
        return out;
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
        List<CommitteeCoverage.Speaker> speakers = new ArrayList<>();
        Map<String, Long> byLevel = new TreeMap<>();
        Map<String, Long> byKind = new TreeMap<>();
        for (StoredSpeech s : repository.speeches(scope)) {
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
        FactQuery query = new FactQuery(new Scope(null, f.region(), f.speakerKind()), f.category(), f.tier(),
                f.speechId(), f.status(), f.q(), false, false);
        return new Page<>(repository.facts(query, page * size, size), repository.countFacts(query), page, size);
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
            Map<Long, Topics.Speech> speeches = new TreeMap<>();
            Map<String, Long> regions = new LinkedHashMap<>();
            Map<String, Long> kinds = new TreeMap<>();
            long total = 0;
            for (StoredText t : repository.textsContaining(term, scope)) {
                long n = occurrences(t.text(), term);
                total += n;
                String kind = Scope.speakerKindOf(t.speakerKind());
                speeches.merge(t.speechId(), new Topics.Speech(t.speechId(), t.region(), kind, n),
                        (a, b) -> new Topics.Speech(a.speechId(), a.region(), a.speakerKind(), a.mentions() + b.mentions()));
                regions.merge(String.valueOf(t.region()), n, Long::sum);
                kinds.merge(kind, n, Long::sum);
            }
            out.add(new Topics.Term(term, total, new ArrayList<>(speeches.values()), regions, kinds));
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
