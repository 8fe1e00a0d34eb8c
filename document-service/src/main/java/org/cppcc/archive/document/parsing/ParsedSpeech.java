package org.cppcc.archive.document.parsing;

import java.time.LocalDate;
import java.util.List;

import org.cppcc.archive.document.divisions.Region;
import org.cppcc.archive.document.divisions.SpeakerKind;

/**
 * One speech of a compilation, in order.
 *
 * @param order         1-based position in the compilation
 * @param committee     the speaker as written, e.g. 政协成都市委员会, 民盟四川省委会, 张三委员
 * @param speakerKind   what kind of speaker that is
 * @param speakerName   the person named on a speaker line (政协XX市委员会主席 张三 → 张三), or null
 * @param region        the division the speaker belongs to, or null (not a regional body, or unknown)
 * @param title         the speech title
 * @param subtitle      the header's subtitle line as written, e.g. ——在全市政协工作推进会上的发言, or null
 * @param date          the header's date line, or null (the 1st of the month where the line names no day)
 * @param tocPage       page number from the table of contents, or null
 * @param bodyAvailable whether the compilation contains the speech body (otherwise only TOC + bookmarks)
 * @param truncated     the body stops in the middle of a sentence
 * @param lead          paragraphs between the speech header and the first section
 * @param sections      numbered sections; empty when there is no body or the body has no numbered sections
 * @param outline       the speech's bookmark headings as in the bookmark block, e.g. 一、强引领
 */
public record ParsedSpeech(int order, String committee, SpeakerKind speakerKind, String speakerName, Region region,
                           String title, String subtitle, LocalDate date, Integer tocPage, boolean bodyAvailable,
                           boolean truncated, List<String> lead, List<ParsedSection> sections, List<String> outline) {
    public ParsedSpeech {
        lead = List.copyOf(lead);
        sections = List.copyOf(sections);
        outline = List.copyOf(outline);
    }
}
