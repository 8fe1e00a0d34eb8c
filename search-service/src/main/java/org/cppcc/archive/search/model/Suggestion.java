package org.cppcc.archive.search.model;

/** A completion: {@code kind} is title, heading or term. */
public record Suggestion(String text, String kind) {
}
