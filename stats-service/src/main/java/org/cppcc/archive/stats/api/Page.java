package org.cppcc.archive.stats.api;

import java.util.List;

/** One page of a list; {@code page} is 0-based, {@code total} counts every match. */
public record Page<T>(List<T> items, long total, int page, int size) {
}
