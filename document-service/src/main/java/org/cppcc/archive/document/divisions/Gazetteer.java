package org.cppcc.archive.document.divisions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cppcc.archive.document.text.MatchForm;

/**
 * The administrative divisions of the PRC down to county level (GB/T 2260), loaded from a TSV file with the columns
 * code, name, level, parent code, and the resolution of regional bodies' names to them purely from that data:
 * 政协杭州市西湖区委员会 → 杭州市西湖区 → 西湖区 330106 (whose parent 杭州市 accounts for the rest of the name).
 * Immutable and thread-safe.
 */
public final class Gazetteer {

    private static final String NATIONAL_RESOURCE = "/gazetteer/divisions.tsv";
    private static final Set<String> PROVINCE_LEVELS = Set.of("province", "municipality", "autonomous-region");
    private static final Set<String> PREFECTURE_LEVELS = Set.of("prefecture-city", "autonomous-prefecture",
            "prefecture", "league");
    private static final Set<String> COUNTY_LEVELS = Set.of("district", "county-level-city", "county", "banner");
    /** A place named only by its kind, meaning the compilation's own province-level division: 省工商联, 市政协. */
    private static final Map<String, String> OWN_PROVINCE = Map.of("省", "province", "自治区", "autonomous-region",
            "市", "municipality");

    private static final class NationalHolder {
        static final Gazetteer NATIONAL = load(NATIONAL_RESOURCE);
    }

    /** A row of the TSV; {@code ancestorForms}: how it may be written before the names of its children. */
    private record Division(String code, String name, String level, Division parent, List<String> forms,
                            List<String> ancestorForms) {

        Division(String code, String name, String level, Division parent) {
            this(code, name, level, parent, NameForms.of(name, level), NameForms.asAncestor(name, level));
        }

        Division province() {
            return parent == null ? this : parent.province();
        }
    }

    private final Map<String, Division> byCode;
    private final Map<String, List<Division>> byName;
    private final Map<String, List<Division>> children;
    private final int longestName;

    private Gazetteer(Map<String, Division> byCode) {
        this.byCode = byCode;
        Set<String> officialNames = new HashSet<>();
        byCode.values().forEach(d -> officialNames.add(d.name()));
        Map<String, List<Division>> names = new HashMap<>();
        Map<String, List<Division>> kids = new HashMap<>();
        int longest = 0;
        for (Division d : byCode.values()) {
            for (String form : d.forms()) {
                // a short form that is another division's official name (none today) would make both ambiguous
                if (form.equals(d.name()) || !officialNames.contains(form)) {
                    names.computeIfAbsent(form, k -> new ArrayList<>()).add(d);
                    longest = Math.max(longest, form.length());
                }
            }
            if (d.parent() != null) {
                kids.computeIfAbsent(d.parent().code(), k -> new ArrayList<>()).add(d);
            }
        }
        this.byName = names;
        this.children = kids;
        this.longestName = longest;
    }

    /** Every division of the PRC that the generated resource lists (loaded once, on first use). */
    public static Gazetteer national() {
        return NationalHolder.NATIONAL;
    }

    private static Gazetteer load(String resource) {
        InputStream in = Gazetteer.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return fromTsv(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a gazetteer TSV: a header row {@code code name level parent}, then one division per row, parents before
     * their children; lines starting with # are comments. Province-level divisions have no parent, prefecture-level
     * ones a province-level parent, county-level ones a prefecture- or province-level parent. A bad row is a data
     * bug: IllegalStateException.
     */
    public static Gazetteer fromTsv(Reader tsv) throws IOException {
        Map<String, Division> byCode = new LinkedHashMap<>();
        BufferedReader in = new BufferedReader(tsv);
        int number = 0;
        for (String line; (line = in.readLine()) != null; ) {
            number++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("code\t")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 4 || !f[0].matches("\\d{6}") || f[1].isBlank()) {
                throw new IllegalStateException("gazetteer line " + number + ": expected code, name, level, parent");
            }
            String level = f[2].strip();
            Division parent = byCode.get(f[3].strip());
            boolean parentFits = PROVINCE_LEVELS.contains(level) ? f[3].isBlank()
                    : parent != null && (PROVINCE_LEVELS.contains(parent.level())
                            || COUNTY_LEVELS.contains(level) && PREFECTURE_LEVELS.contains(parent.level()));
            if (!PROVINCE_LEVELS.contains(level) && !PREFECTURE_LEVELS.contains(level) && !COUNTY_LEVELS.contains(level)) {
                throw new IllegalStateException("gazetteer line " + number + ": unknown level " + level);
            }
            if (!parentFits) {
                throw new IllegalStateException("gazetteer line " + number + ": bad parent '" + f[3] + "' for " + f[0]);
            }
            if (byCode.putIfAbsent(f[0], new Division(f[0], f[1].strip(), level, parent)) != null) {
                throw new IllegalStateException("gazetteer line " + number + ": duplicate code " + f[0]);
            }
        }
        if (byCode.isEmpty()) {
            throw new IllegalStateException("gazetteer has no divisions");
        }
        return new Gazetteer(Map.copyOf(byCode));
    }

    /** The division with this GB/T 2260 code, e.g. 510100 → 成都市. */
    public Optional<Region> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code)).map(Gazetteer::region);
    }

    /** The province-level division that the division with this code lies in (itself for a province-level one). */
    public Optional<Region> provinceOf(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code)).map(d -> region(d.province()));
    }

    /** The province-level divisions (provinces, municipalities, autonomous regions), by code. */
    public List<Region> provinces() {
        return byCode.values().stream()
                .filter(d -> d.parent() == null)
                .map(Gazetteer::region)
                .sorted(Comparator.comparing(Region::code))
                .toList();
    }

    /** The divisions directly under the division with this code, by code; empty for an unknown code. */
    public List<Region> children(String code) {
        return children.getOrDefault(code, List.of()).stream()
                .map(Gazetteer::region)
                .sorted(Comparator.comparing(Region::code))
                .toList();
    }

    /** The prefecture-level divisions (cities, autonomous prefectures, 地区, 盟) of a province-level one, by code. */
    public List<Region> prefectureLevel(String provinceCode) {
        return children(provinceCode).stream().filter(r -> PREFECTURE_LEVELS.contains(r.level())).toList();
    }

    /**
     * The division a speaker belongs to, where the speaker is a regional body: a CPPCC committee (政协杭州市西湖区委员会,
     * 中国人民政治协商会议成都市委员会, 青羊区政协), one of its special committees (政协四川省委员会提案委员会), a democratic
     * party's committee (民盟成都市委) or a federation of industry and commerce (四川省工商联). {@code provinceCode} (the
     * compilation's province-level division, e.g. 330000; may be null) settles names that exist in several provinces
     * (鼓楼区) and stands for 省/市/自治区 alone (省工商联). Empty for sector groups, members, unknown names and names
     * that stay ambiguous.
     */
    public Optional<Region> resolve(String speaker, String provinceCode) {
        if (speaker == null) {
            return Optional.empty();
        }
        return SpeakerPlace.of(MatchForm.of(speaker))
                .flatMap(place -> resolvePlace(place, provinceCode))
                .map(Gazetteer::region);
    }

    /**
     * The compilation's province-level division: the one that most of the speakers which resolve unambiguously (with
     * no province given) lie in; empty when none resolve or two provinces tie.
     */
    public Optional<Region> inferProvince(Collection<String> speakers) {
        Map<String, Integer> votes = new HashMap<>();
        for (String speaker : speakers) {
            SpeakerPlace.of(MatchForm.of(speaker == null ? "" : speaker))
                    .flatMap(place -> resolvePlace(place, null))
                    .ifPresent(d -> votes.merge(d.province().code(), 1, Integer::sum));
        }
        int most = votes.values().stream().max(Integer::compare).orElse(0);
        List<String> leaders = votes.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey)
                .toList();
        return leaders.size() == 1 ? byCode(leaders.get(0)) : Optional.empty();
    }

    /** Whether {@code name} is a division's name or short form (四川, 广西, 甘孜州), in match form. */
    boolean isPlaceName(String name) {
        return byName.containsKey(name);
    }

    /**
     * The division a place text names: the longest division name (or short form) that ends the text and whose
     * ancestors' names account for whatever precedes it (杭州市 before 西湖区, 四川省 or 四川 before 成都市).
     * Looks up each suffix of the text once: no scan of the divisions.
     */
    private Optional<Division> resolvePlace(String place, String provinceCode) {
        String own = OWN_PROVINCE.get(place);
        if (own != null) {
            Division province = provinceCode == null ? null : byCode.get(provinceCode);
            return province != null && province.level().equals(own) ? Optional.of(province) : Optional.empty();
        }
        for (int start = Math.max(0, place.length() - longestName); start < place.length(); start++) {
            List<Division> named = byName.get(place.substring(start));
            if (named == null) {
                continue;
            }
            String prefix = place.substring(0, start);
            List<Division> fitting = named.stream().filter(d -> ancestorsSpell(d, prefix)).toList();
            if (fitting.isEmpty()) {
                continue;
            }
            if (fitting.size() > 1 && provinceCode != null) {
                fitting = fitting.stream().filter(d -> d.province().code().equals(provinceCode)).toList();
            }
            return fitting.size() == 1 ? Optional.of(fitting.get(0)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether {@code prefix} is nothing, or names the division's ancestors from the top: 四川省, 成都市, 四川成都. */
    private static boolean ancestorsSpell(Division d, String prefix) {
        if (prefix.isEmpty()) {
            return true;
        }
        Division parent = d.parent();
        if (parent == null) {
            return false;
        }
        Division province = parent.province();
        for (String p : parent.ancestorForms()) {
            if (prefix.equals(p)) {
                return true;
            }
        }
        if (province == parent) {
            return false;
        }
        for (String p : province.ancestorForms()) {
            if (prefix.equals(p)) {
                return true;
            }
            if (prefix.startsWith(p)) {
                String rest = prefix.substring(p.length());
                for (String q : parent.ancestorForms()) {
                    if (rest.equals(q)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Region region(Division d) {
        return new Region(d.name(), d.code(), d.level(), d.parent() == null ? null : d.parent().name());
    }
}
