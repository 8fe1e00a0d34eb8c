package org.cppcc.archive.stats.divisions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which divisions have a speaker speaking for them, measured per province against the gazetteer: the
 * denominators are the prefecture-level and the county-level divisions of each province that the speeches'
 * regions lie in (a region's province is its code's first two digits + 0000). A prefecture-level division is
 * represented by its own committee or by one of a division within it; a county-level division only by its own.
 */
public final class CommitteeCoverage {

    /**
     * One speech as coverage sees it; {@code regionCode} may be null (a party, a member). {@code content} is "body"
     * when the speech's text is there, "outline" when only its headings are.
     */
    public record Speaker(long speechId, String committee, String speakerKind, String region, String regionCode,
            String level, String content) {

        public Speaker(long speechId, String committee, String speakerKind, String region, String regionCode,
                String level, boolean withBody) {
            this(speechId, committee, speakerKind, region, regionCode, level, withBody ? "body" : "outline");
        }

        boolean hasBody() {
            return "body".equals(content);
        }
    }

    /** Divisions of one level in one province (or in all): how many, how many represented, how many with a body. */
    public record Tally(int divisions, int represented, int withBody, Double coverage) {

        static Tally of(int divisions, int represented, int withBody) {
            return new Tally(divisions, represented, withBody,
                    divisions == 0 ? null : Math.round(represented * 10_000.0 / divisions) / 10_000.0);
        }
    }

    public record DivisionRow(String region, String regionCode, String level, boolean represented, boolean withBody,
            List<Speaker> committees) {
    }

    /**
     * One province: its prefecture-level rows, and the speakers of the province itself or of a county-level
     * division directly under it ({@code direct}).
     */
    public record ProvinceRow(String province, String provinceCode, String level, Tally prefectureLevel,
            Tally countyLevel, List<DivisionRow> prefectures, List<Speaker> direct) {
    }

    public record Totals(int provinces, Tally prefectureLevel, Tally countyLevel) {
    }

    /** {@code outsideGazetteer}: speakers without a region or with a code the gazetteer does not list. */
    public record Report(String gazetteer, List<ProvinceRow> provinces, Totals totals, List<Speaker> outsideGazetteer) {
    }

    private final Gazetteer gazetteer;

    public CommitteeCoverage(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public Report of(List<Speaker> speakers) {
        Map<String, List<Speaker>> byProvince = new LinkedHashMap<>();
        List<Speaker> outside = new ArrayList<>();
        for (Speaker s : speakers) {
            Division region = gazetteer.byCode(s.regionCode()).orElse(null);
            Division province = region == null ? null : gazetteer.provinceOf(region).orElse(null);
            if (province == null) {
                outside.add(s);
            } else {
                byProvince.computeIfAbsent(province.code(), k -> new ArrayList<>()).add(s);
            }
        }
        List<ProvinceRow> provinces = new ArrayList<>();
        int[] prefecture = new int[3];
        int[] county = new int[3];
        byProvince.keySet().stream().sorted().forEach(code -> {
            ProvinceRow row = province(gazetteer.byCode(code).orElseThrow(), byProvince.get(code));
            provinces.add(row);
            add(prefecture, row.prefectureLevel());
            add(county, row.countyLevel());
        });
        return new Report(gazetteer.source(), provinces, new Totals(provinces.size(),
                Tally.of(prefecture[0], prefecture[1], prefecture[2]), Tally.of(county[0], county[1], county[2])),
                outside);
    }

    private ProvinceRow province(Division province, List<Speaker> speakers) {
        Map<String, List<Speaker>> byPrefecture = new LinkedHashMap<>();
        List<Division> prefectures = gazetteer.children(province.code()).stream().filter(Division::prefectureLevel)
                .toList();
        prefectures.forEach(p -> byPrefecture.put(p.code(), new ArrayList<>()));
        List<Speaker> direct = new ArrayList<>();
        Set<String> countiesRepresented = new LinkedHashSet<>();
        Set<String> countiesWithBody = new LinkedHashSet<>();
        for (Speaker s : speakers) {
            Division region = gazetteer.byCode(s.regionCode()).orElseThrow();
            if (region.countyLevel()) {
                countiesRepresented.add(region.code());
                if (s.hasBody()) {
                    countiesWithBody.add(region.code());
                }
            }
            gazetteer.prefectureOf(region).map(p -> byPrefecture.get(p.code())).orElse(direct).add(s);
        }
        List<DivisionRow> rows = new ArrayList<>();
        int represented = 0;
        int withBody = 0;
        for (Division p : prefectures) {
            List<Speaker> committees = byPrefecture.get(p.code());
            boolean body = committees.stream().anyMatch(Speaker::hasBody);
            rows.add(new DivisionRow(p.name(), p.code(), p.level(), !committees.isEmpty(), body, committees));
            represented += committees.isEmpty() ? 0 : 1;
            withBody += body ? 1 : 0;
        }
        return new ProvinceRow(province.name(), province.code(), province.level(),
                Tally.of(prefectures.size(), represented, withBody),
                Tally.of(gazetteer.countyLevelIn(province.code()).size(), countiesRepresented.size(),
                        countiesWithBody.size()),
                rows, direct);
    }

    private static void add(int[] sums, Tally t) {
        sums[0] += t.divisions();
        sums[1] += t.represented();
        sums[2] += t.withBody();
    }
}
