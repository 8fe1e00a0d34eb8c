package org.cppcc.archive.search.model;

/** What a rebuild request started: {@code state} started or running. */
public record RebuildTicket(String state, String detail) {
}
