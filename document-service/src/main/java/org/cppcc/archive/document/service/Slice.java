package org.cppcc.archive.document.service;

import java.util.List;

/** One page of results and the number of all matches. */
public record Slice<T>(List<T> items, long total) {
}
