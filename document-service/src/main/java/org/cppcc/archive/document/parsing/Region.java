package org.cppcc.archive.document.parsing;

/**
 * An administrative division of the province.
 *
 * @param name   official name, e.g. 自流井区
 * @param code   GB/T 2260 code, e.g. 510302
 * @param level  one of prefecture-city, autonomous-prefecture, district, county-level-city, county
 * @param parent name of the enclosing division (the province for prefecture-level divisions)
 */
public record Region(String name, String code, String level, String parent) {
}
