package org.cppcc.archive.stats.extraction;

/** The administrative tier a consultation platform serves. */
public enum Tier {
    city, county, township, village
}
