package org.cppcc.archive.document.parsing;

/**
 * One non-blank input line.
 *
 * @param number 1-based line number in the input text (for error messages)
 * @param text   the line as in the source, without surrounding whitespace: this is what gets stored
 * @param norm   {@link org.cppcc.archive.document.text.MatchForm} of the text, used only to recognise structure
 */
record SourceLine(int number, String text, String norm) {
}
