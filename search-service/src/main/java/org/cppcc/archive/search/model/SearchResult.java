package org.cppcc.archive.search.model;

import java.util.List;
import java.util.Map;

/** One page of hits; {@code total} and {@code facets} count every match, facet → value → matches. */
public record SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets) {
}
