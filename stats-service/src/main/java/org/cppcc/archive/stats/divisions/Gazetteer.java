package org.cppcc.archive.stats.divisions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GB/T 2260 divisions, read from the gazetteer resource: one division a line, tab-separated code, name,
 * level and parent code (empty for a province-level division), after an optional header row naming the columns;
 * lines starting with {@code #} are comments, the first of them says what the data is. Immutable once read.
 */
public final class Gazetteer {

    private final String source;
    private final Map<String, Division> byCode;
    private final Map<String, List<Division>> children;

    private Gazetteer(String source, Map<String, Division> byCode) {
        this.source = source;
        this.byCode = Collections.unmodifiableMap(byCode);
        Map<String, List<Division>> kids = new LinkedHashMap<>();
        byCode.values().forEach(d -> kids.computeIfAbsent(d.parentCode(), k -> new ArrayList<>()).add(d));
        this.children = kids;
    }

    /** Reads a gazetteer; a malformed line, an unknown level or a parent that is not listed is refused. */
    public static Gazetteer read(Reader in) throws IOException {
        String source = null;
        Map<String, Division> byCode = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(in);
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.startsWith("#")) {
                source = source == null ? line.substring(1).strip() : source;
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (byCode.isEmpty() && "code".equals(cols[0])) {
                continue; // the header row
            }
            if (cols.length < 3 || !cols[0].matches("\\d{6}") || cols[1].isBlank()) {
                throw new IOException("gazetteer line " + lineNumber + ": expected code, name, level, parent code");
            }
            String parent = cols.length > 3 && !cols[3].isBlank() ? cols[3].strip() : null;
            Division d = new Division(cols[0], cols[1].strip(), cols[2].strip(), parent);
            if (!d.provinceLevel() && !d.prefectureLevel() && !d.countyLevel()) {
                throw new IOException("gazetteer line " + lineNumber + ": unknown level " + d.level());
            }
            if (byCode.put(d.code(), d) != null) {
                throw new IOException("gazetteer line " + lineNumber + ": code " + d.code() + " listed twice");
            }
        }
        for (Division d : byCode.values()) {
            if (d.parentCode() != null && !byCode.containsKey(d.parentCode())) {
                throw new IOException("gazetteer: the parent " + d.parentCode() + " of " + d.code() + " is not listed");
            }
        }
        return new Gazetteer(source == null ? "GB/T 2260" : source, byCode);
    }

    /** Where the data comes from (the resource's first comment line). */
    public String source() {
        return source;
    }

    public int size() {
        return byCode.size();
    }

    public Optional<Division> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The province-level division a listed division lies in (itself for a province-level one). */
    public Optional<Division> provinceOf(Division d) {
        return byCode(Division.provinceCodeOf(d.code()));
    }

    /**
     * The prefecture-level division a listed division is or lies in; empty for a province-level division and for
     * a county-level one directly under its province (a municipality's districts, 省直辖县级市).
     */
    public Optional<Division> prefectureOf(Division d) {
        for (Division at = d; at != null; at = byCode.get(at.parentCode())) {
            if (at.prefectureLevel()) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /** The divisions directly under {@code code}, in the resource's order. */
    public List<Division> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    /** Every county-level division within the province-level division {@code provinceCode}. */
    public List<Division> countyLevelIn(String provinceCode) {
        List<Division> out = new ArrayList<>();
        collectCountyLevel(provinceCode, out);
        return out;
    }

    private void collectCountyLevel(String code, List<Division> out) {
        for (Division child : children(code)) {
            if (child.countyLevel()) {
                out.add(child);
            }
            collectCountyLevel(child.code(), out);
        }
    }
}
