package org.cppcc.archive.search.model;

/** What applying one page of the feed did, and the cursor the index holds after it. */
public record AppliedBatch(int applied, int skipped, long cursor) {
}
