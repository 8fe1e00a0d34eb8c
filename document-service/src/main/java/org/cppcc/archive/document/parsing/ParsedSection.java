package org.cppcc.archive.document.parsing;

import java.util.List;

/**
 * A numbered section of a speech body.
 *
 * @param ordinal    1 for 一、, 2 for 二、 …
 * @param heading    the heading text without its ordinal, exactly as in the source minus line wrapping
 * @param paragraphs the paragraphs under the heading, exactly as in the source minus line wrapping
 */
public record ParsedSection(int ordinal, String heading, List<String> paragraphs) {
    public ParsedSection {
        paragraphs = List.copyOf(paragraphs);
    }
}
