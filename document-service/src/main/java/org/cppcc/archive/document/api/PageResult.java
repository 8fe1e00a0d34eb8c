package org.cppcc.archive.document.api;

import java.util.List;

/** One page of a list: {@code page} is 0-based, {@code total} counts all matching items. */
public record PageResult<T>(List<T> items, int page, int size, long total) {
}
