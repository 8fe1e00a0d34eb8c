package org.cppcc.archive.stats.divisions;

import java.util.Set;

/**
 * An administrative division of the PRC (GB/T 2260) as the gazetteer resource lists it.
 *
 * @param code       GB/T 2260 code, e.g. 510302
 * @param name       official name, e.g. 自流井区
 * @param level      one of the {@link #PROVINCE_LEVEL}, {@link #PREFECTURE_LEVEL} or {@link #COUNTY_LEVEL} levels
 * @param parentCode the enclosing division's code; null for a province-level division
 */
public record Division(String code, String name, String level, String parentCode) {

    public static final Set<String> PROVINCE_LEVEL = Set.of("province", "municipality", "autonomous-region");
    public static final Set<String> PREFECTURE_LEVEL = Set.of("prefecture-city", "autonomous-prefecture", "prefecture",
            "league");
    public static final Set<String> COUNTY_LEVEL = Set.of("district", "county-level-city", "county", "banner");

    public boolean provinceLevel() {
        return PROVINCE_LEVEL.contains(level);
    }

    public boolean prefectureLevel() {
        return PREFECTURE_LEVEL.contains(level);
    }

    public boolean countyLevel() {
        return COUNTY_LEVEL.contains(level);
    }

    /** The code of the province-level division a division code lies in: its first two digits, then 0000. */
    public static String provinceCodeOf(String code) {
        return code == null || code.length() != 6 ? null : code.substring(0, 2) + "0000";
    }
}
