package org.cppcc.archive.document.parsing;

/**
 * Source text the parser could not place in any speech (and did not recognise as page furniture): listed in the
 * import preview instead of being dropped silently.
 *
 * @param fromLine first source line (1-based)
 * @param toLine   last source line (1-based, inclusive)
 * @param text     the lines' text, joined with line breaks
 */
public record UnplacedText(int fromLine, int toLine, String text) {
}
