package org.cppcc.archive.document.divisions;

import java.util.List;

/**
 * An administrative division of the PRC (GB/T 2260).
 *
 * @param name   official name, e.g. 自流井区
 * @param code   GB/T 2260 code, e.g. 510302
 * @param level  one of {@link #LEVELS}
 * @param parent name of the enclosing division (the province for prefecture-level divisions, null for a
 *               province-level one)
 */
public record Region(String name, String code, String level, String parent) {

    /**
     * The levels, province-level first: province, municipality (直辖市), autonomous-region; prefecture-level:
     * prefecture-city, autonomous-prefecture, prefecture (地区), league (盟); county-level: district,
     * county-level-city, county (autonomous counties included), banner (旗, autonomous banners included).
     */
    public static final String LEVELS = "province|municipality|autonomous-region|prefecture-city|autonomous-prefecture"
            + "|prefecture|league|district|county-level-city|county|banner";
    /** The same levels as a list, for parameters that must name one. */
    public static final List<String> LEVEL_NAMES = List.of(LEVELS.split("\\|"));
}
