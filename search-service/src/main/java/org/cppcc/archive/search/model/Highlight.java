package org.cppcc.archive.search.model;

/** Where a fragment comes from: indexes are 0-based positions in the speech's lists. */
public record Highlight(String field, Integer sectionIndex, Integer paragraphIndex, String fragment) {
}
