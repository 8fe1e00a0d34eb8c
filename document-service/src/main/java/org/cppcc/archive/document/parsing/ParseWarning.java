package org.cppcc.archive.document.parsing;

/**
 * Something the parser assumed rather than read, for the admin to check in the import preview.
 *
 * @param line    1-based line of the source the warning is about
 * @param message what was assumed, in words an admin understands
 */
public record ParseWarning(int line, String message) {
}
