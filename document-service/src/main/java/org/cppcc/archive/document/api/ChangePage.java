package org.cppcc.archive.document.api;

import java.util.List;

/** A slice of the change feed; pass {@code next} as {@code after} to continue. */
public record ChangePage(List<ChangeItem> items, long next) {
}
