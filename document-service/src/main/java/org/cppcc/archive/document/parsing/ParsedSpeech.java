package org.cppcc.archive.document.parsing;

import java.util.List;

/**
 * One speech of a compilation, in table-of-contents order.
 *
 * @param order         1-based position in the table of contents
 * @param committee     e.g. 政协成都市委员会
 * @param region        the division the committee belongs to, or null when the gazetteer does not know it
 * @param title         the speech title as listed in the table of contents
 * @param tocPage       page number from the table of contents
 * @param bodyAvailable whether the compilation contains the speech body (otherwise only TOC + bookmarks)
 * @param truncated     the body stops in the middle of a sentence
 * @param lead          paragraphs between the committee line and the first section
 * @param sections      numbered sections; empty when there is no body
 * @param outline       the speech's bookmark headings as in the bookmark block, e.g. 一、强引领
 */
public record ParsedSpeech(int order, String committee, Region region, String title, Integer tocPage,
                           boolean bodyAvailable, boolean truncated, List<String> lead,
                           List<ParsedSection> sections, List<String> outline) {
    public ParsedSpeech {
        lead = List.copyOf(lead);
        sections = List.copyOf(sections);
        outline = List.copyOf(outline);
    }
}
