package org.cppcc.archive.document.service;

/** CDI event: a change with this cursor has been appended; observed after the transaction commits. */
public record ChangeCommitted(long cursor) {
}
