package org.cppcc.archive.stats.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cppcc.archive.stats.api.Fact;
import org.cppcc.archive.stats.extraction.Category;
import org.cppcc.archive.stats.extraction.MemberCoverage;
import org.cppcc.archive.stats.extraction.Tier;
import org.cppcc.archive.stats.repository.SpeechFigures;
import org.cppcc.archive.stats.repository.StatsRepository;

/**
 * The figures of one speech ({@link SpeechFigures}) from its facts: computed when a change or a curation writes the
 * speech's facts, stored with the speech, and folded into every aggregate by {@link FigureIndex}.
 */
final class FactFigures {

    private static final Comparator<Tier> TIERS = Comparator.nullsFirst(Comparator.naturalOrder());

    private FactFigures() {
    }

    static SpeechFigures of(List<Fact> facts) {
        List<Fact> ordered = new ArrayList<>(facts);
        ordered.sort(StatsRepository.PROVENANCE);
        Map<SpeechFigures.FactCount, Long> counts = new LinkedHashMap<>();
        Map<Tier, Double> platforms = new LinkedHashMap<>();
        long platformFacts = 0;
        List<String> firstPlatforms = new ArrayList<>();
        double members = 0;
        long memberFacts = 0;
        List<String> firstMembers = new ArrayList<>();
        Double coverage = null;
        String assignedTo = null;
        String basis = null;
        for (Fact f : ordered) {
            counts.merge(new SpeechFigures.FactCount(f.category(), f.tier(), f.status(), f.per() == null, 0), 1L,
                    Long::sum);
            if (f.status() == Fact.Status.rejected || f.per() != null) {
                continue; // what a total does not add up
            }
            if (f.category() == Category.platform) {
                platforms.merge(f.tier(), f.value().doubleValue(), Double::sum);
                if (platformFacts++ < SpeechFigures.FIRST) {
                    firstPlatforms.add(f.id());
                }
            } else if (f.category() == Category.member) {
                members += f.value().doubleValue();
                if (memberFacts++ < SpeechFigures.FIRST) {
                    firstMembers.add(f.id());
                }
                int offset = f.sentence().indexOf(f.text()) + f.text().length();
                MemberCoverage.Coverage c = MemberCoverage.of(f.sentence(), offset, f.subject());
                if (c.coverage() != null) {
                    coverage = c.coverage();
                }
                if (c.assignedTo() != null && assignedTo == null) {
                    assignedTo = c.assignedTo();
                    basis = c.basis();
                }
            }
        }
        List<SpeechFigures.FactCount> factCounts = new ArrayList<>();
        counts.forEach((k, n) -> factCounts.add(new SpeechFigures.FactCount(k.category(), k.tier(), k.status(),
                k.whole(), n)));
        List<SpeechFigures.TierSum> tierSums = new ArrayList<>();
        platforms.entrySet().stream().sorted(Map.Entry.comparingByKey(TIERS))
                .forEach(e -> tierSums.add(new SpeechFigures.TierSum(e.getKey(), e.getValue())));
        return new SpeechFigures(List.copyOf(factCounts), List.copyOf(tierSums), platformFacts,
                List.copyOf(firstPlatforms), members, memberFacts, List.copyOf(firstMembers), coverage, assignedTo,
                basis);
    }
}
