package org.cppcc.archive.stats.rest;

import java.util.List;
import java.util.Optional;

import org.cppcc.archive.stats.api.Coverage;
import org.cppcc.archive.stats.api.Fact;
import org.cppcc.archive.stats.api.Members;
import org.cppcc.archive.stats.api.Page;
import org.cppcc.archive.stats.api.Platforms;
import org.cppcc.archive.stats.api.Topics;
import org.cppcc.archive.stats.divisions.CommitteeCoverage;
import org.cppcc.archive.stats.extraction.Approx;
import org.cppcc.archive.stats.extraction.Category;
import org.cppcc.archive.stats.extraction.Tier;

/**
 * The rows of each list's CSV, one record per row type: its components are the columns, in order. Columns added
 * after a list's first version come last, so readers by position keep working.
 */
final class CsvRows {

    record PlatformRow(String region, String regionCode, String tier, Number platforms, String speakerKind) {
    }

    record MemberRow(String region, String regionCode, Number members, Double coverage, String assignedTo,
            String basis, String speakerKind) {
    }

    /** One prefecture-level division; {@code committees} lists its speakers as "committee (body|outline)". */
    record CoverageRow(String province, String provinceCode, String region, String regionCode, String level,
            boolean represented, boolean withBody, String committees) {
    }

    record FactRow(String id, long speechId, String region, int sectionIndex, int paragraphIndex, Number value,
            Approx approx, String unit, String subject, Category category, Tier tier, String text, String sentence,
            int start, int end, Fact.Status status, String committee, String speakerKind, String speakerName,
            String per) {
    }

    /** A speech without a region is listed under "null", as the JSON's regions are. */
    record TopicRow(String term, long speechId, String region, long mentions, String speakerKind) {
    }

    /** A list's CSV, when the answer is one of the lists. */
    record Table<R extends Record>(Class<R> rowType, List<R> rows) {
        String write() {
            return Csv.of(rowType, rows);
        }
    }

    private CsvRows() {
    }

    static boolean isList(Class<?> answer) {
        return answer == Platforms.class || answer == Members.class || answer == Coverage.class
                || answer == Page.class || answer == Topics.class;
    }

    static Optional<Table<?>> of(Object answer) {
        return Optional.ofNullable(switch (answer) {
            case Platforms p -> new Table<>(PlatformRow.class, p.regions().stream()
                    .flatMap(r -> r.tiers().entrySet().stream().map(t -> new PlatformRow(r.region(), r.regionCode(),
                            t.getKey(), t.getValue(), r.speakerKind())))
                    .toList());
            case Members m -> new Table<>(MemberRow.class, m.regions().stream()
                    .map(r -> new MemberRow(r.region(), r.regionCode(), r.members(), r.coverage(), r.assignedTo(),
                            r.basis(), r.speakerKind()))
                    .toList());
            case Coverage c -> new Table<>(CoverageRow.class, c.provinces().stream()
                    .flatMap(province -> province.prefectures().stream().map(p -> coverageRow(province, p)))
                    .toList());
            case Page<?> page -> new Table<>(FactRow.class, page.items().stream()
                    .filter(Fact.class::isInstance).map(Fact.class::cast).map(CsvRows::factRow).toList());
            case Topics t -> new Table<>(TopicRow.class, t.terms().stream()
                    .flatMap(term -> term.speeches().stream().map(s -> new TopicRow(term.term(), s.speechId(),
                            String.valueOf(s.region()), s.mentions(), s.speakerKind())))
                    .toList());
            default -> null;
        });
    }

    private static CoverageRow coverageRow(CommitteeCoverage.ProvinceRow province, CommitteeCoverage.DivisionRow p) {
        return new CoverageRow(province.province(), province.provinceCode(), p.region(), p.regionCode(), p.level(),
                p.represented(), p.withBody(), String.join("; ", p.committees().stream()
                        .map(c -> c.committee() + " (" + c.content() + ")").toList()));
    }

    private static FactRow factRow(Fact f) {
        return new FactRow(f.id(), f.speechId(), f.region(), f.sectionIndex(), f.paragraphIndex(), f.value(),
                f.approx(), f.unit(), f.subject(), f.category(), f.tier(), f.text(), f.sentence(), f.start(), f.end(),
                f.status(), f.committee(), f.speakerKind(), f.speakerName(), f.per());
    }
}
