package org.cppcc.archive.document.divisions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cppcc.archive.document.text.MatchForm;

/**
 * The administrative divisions of one province (GB/T 2260), loaded from a TSV file with the columns code, name,
 * level, parent code. Resolves committee names to divisions purely from that data: 政协自贡市自流井区委员会 →
 * 自贡市自流井区 → 自流井区 (whose parent 自贡市 accounts for the rest of the name).
 */
public final class Gazetteer {

    private static final String SICHUAN_RESOURCE = "/gazetteer/sichuan-divisions.tsv";
    private static final Set<String> PREFECTURE_LEVELS = Set.of("prefecture-city", "autonomous-prefecture");
    private static final Set<String> COUNTY_LEVELS = Set.of("district", "county-level-city", "county");

    private static volatile Gazetteer sichuan;

    private record Division(String code, String name, String level, String parentCode) {
    }

    private final Division province;
    private final Map<String, Division> byCode;

    private Gazetteer(Division province, Map<String, Division> byCode) {
        this.province = province;
        this.byCode = byCode;
    }

    /** Every division of the PRC (loaded once; immutable). */
    public static Gazetteer national() {
        return sichuan(); // TODO(issue 10): the national dataset
    }

    /** The Sichuan gazetteer from the classpath (loaded once; immutable). */
    public static Gazetteer sichuan() {
        Gazetteer g = sichuan;
        if (g == null) {
            InputStream in = Gazetteer.class.getResourceAsStream(SICHUAN_RESOURCE);
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + SICHUAN_RESOURCE);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                g = fromTsv(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sichuan = g;
        }
        return g;
    }

    /**
     * Reads a gazetteer TSV: a header row {@code code name level parent}, then one division per row; lines
     * starting with # are comments. Exactly one row has level {@code province}. A bad row is a data bug:
     * IllegalStateException.
     */
    public static Gazetteer fromTsv(Reader tsv) throws IOException {
        Map<String, Division> byCode = new LinkedHashMap<>();
        Division province = null;
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
            Division d = new Division(f[0], f[1].strip(), f[2].strip(), f[3].strip());
            if (byCode.put(d.code(), d) != null) {
                throw new IllegalStateException("gazetteer line " + number + ": duplicate code " + d.code());
            }
            if (d.level().equals("province")) {
                if (province != null) {
                    throw new IllegalStateException("gazetteer line " + number + ": second province");
                }
                province = d;
            } else if (!PREFECTURE_LEVELS.contains(d.level()) && !COUNTY_LEVELS.contains(d.level())) {
                throw new IllegalStateException("gazetteer line " + number + ": unknown level " + d.level());
            }
        }
        if (province == null) {
            throw new IllegalStateException("gazetteer has no province row");
        }
        for (Division d : byCode.values()) {
            Division parent = byCode.get(d.parentCode());
            boolean ok = d == province
                    || PREFECTURE_LEVELS.contains(d.level()) && parent == province
                    || COUNTY_LEVELS.contains(d.level()) && parent != null && PREFECTURE_LEVELS.contains(parent.level());
            if (!ok) {
                throw new IllegalStateException("gazetteer: bad parent " + d.parentCode() + " for " + d.code());
            }
        }
        return new Gazetteer(province, Map.copyOf(byCode));
    }

    /** The province's name, e.g. 四川省. */
    public String province() {
        return province.name();
    }

    /** The prefecture-level divisions (cities and autonomous prefectures), by code. */
    public List<Region> prefectureLevel() {
        return byCode.values().stream()
                .filter(d -> PREFECTURE_LEVELS.contains(d.level()))
                .sorted(Comparator.comparing(Division::code))
                .map(this::region)
                .toList();
    }

    /** The division with this GB/T 2260 code (not the province itself). */
    public Optional<Region> byCode(String code) {
        Division d = byCode.get(code);
        return d == null || d == province ? Optional.empty() : Optional.of(region(d));
    }

    /**
     * The division a speaker belongs to, where the speaker is a regional body: 政协西湖区委员会 with the
     * compilation's province code {@code 330000} → 西湖区 (330106). {@code provinceCode} (may be null) settles
     * names that exist in several provinces; empty when the name is unknown or stays ambiguous.
     */
    public Optional<Region> resolve(String speaker, String provinceCode) {
        return resolveCommittee(speaker);
    }

    /** The compilation's province, inferred from the regions its speakers resolve to; empty when none resolve. */
    public Optional<Region> inferProvince(java.util.Collection<String> speakers) {
        return Optional.empty();
    }

    /**
     * The division a committee belongs to: strips 政协 / 中国人民政治协商会议 and 委员会, then finds divisions whose
     * name (or short form, 甘孜州 for 甘孜藏族自治州) ends the remainder, where whatever precedes it names the
     * division's ancestors (自贡市 before 自流井区, 四川省 before 成都市). The longest matching name wins; an
     * ambiguous name (市中区 alone) resolves to nothing.
     */
    public Optional<Region> resolveCommittee(String committee) {
        if (committee == null) {
            return Optional.empty();
        }
        String core = MatchForm.of(committee);
        for (String prefix : List.of("中国人民政治协商会议", "政协")) {
            if (core.startsWith(prefix)) {
                core = core.substring(prefix.length());
                break;
            }
        }
        if (core.endsWith("委员会")) {
            core = core.substring(0, core.length() - 3);
        }
        if (core.isEmpty()) {
            return Optional.empty();
        }
        List<Division> best = new ArrayList<>();
        int bestLength = 0;
        for (Division d : byCode.values()) {
            if (d == province) {
                continue;
            }
            for (String name : names(d)) {
                if (!core.endsWith(name) || !ancestorsPrefix(d).contains(core.substring(0, core.length() - name.length()))) {
                    continue;
                }
                if (name.length() > bestLength) {
                    best.clear();
                    bestLength = name.length();
                }
                if (name.length() == bestLength && !best.contains(d)) {
                    best.add(d);
                }
            }
        }
        return best.size() == 1 ? Optional.of(region(best.get(0))) : Optional.empty();
    }

    /** What may precede a division's name in a committee name: nothing, or its ancestors' names. */
    private List<String> ancestorsPrefix(Division d) {
        List<String> prefixes = new ArrayList<>(List.of(""));
        List<String> provinceNames = names(province);
        prefixes.addAll(provinceNames);
        if (COUNTY_LEVELS.contains(d.level())) {
            for (String parent : names(byCode.get(d.parentCode()))) {
                prefixes.add(parent);
                for (String p : provinceNames) {
                    prefixes.add(p + parent);
                }
            }
        }
        return prefixes;
    }

    /**
     * A division's name and its usual short form: 四川省 → 四川, 甘孜藏族自治州 → 甘孜州, 北川羌族自治县 → 北川县
     * (the place name before the ethnic name, plus the kind of division).
     */
    private static List<String> names(Division d) {
        String name = d.name();
        if (d.level().equals("province") && name.endsWith("省") && name.length() > 2) {
            return List.of(name, name.substring(0, name.length() - 1));
        }
        int ethnic = name.indexOf("族");
        if (name.contains("自治") && ethnic >= 3) {
            return List.of(name, name.substring(0, ethnic - 1) + name.charAt(name.length() - 1));
        }
        return List.of(name);
    }

    private Region region(Division d) {
        return new Region(d.name(), d.code(), d.level(), byCode.get(d.parentCode()).name());
    }
}
