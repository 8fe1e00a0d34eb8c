package org.cppcc.archive.document.api;

import java.util.List;

/**
 * A slice of the change feed; pass {@code next} as {@code after} to continue. {@code head} is the newest cursor
 * committed when the slice was read (0 while the feed is empty); it is read after the items, so it is never below
 * the last item's cursor, and a consumer whose cursor is {@code next} lags exactly {@code head - next} changes.
 */
public record ChangePage(List<ChangeItem> items, long next, long head) {
}
