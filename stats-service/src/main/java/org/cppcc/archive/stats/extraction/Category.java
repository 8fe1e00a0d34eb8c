package org.cppcc.archive.stats.extraction;

/** What kind of thing a fact counts. */
public enum Category {
    platform, member, body, staff, activity, output, economic, other
}
