package org.cppcc.archive.document.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cppcc.archive.document.text.MatchForm;

/**
 * Recognisers for the structural lines of a compilation. Matching works on the normalised form of a line (so
 * ASCII and full-width punctuation are equivalent); anything returned for storage is cut from the source text.
 */
final class StructuralLines {

    private static final String COMMITTEE = "((?:政协|中国人民政治协商会议)[^:,()]{1,40}?委员会)";
    /** {@code 1.政协成都市委员会:} in the bookmark list and the table of contents. */
    private static final Pattern NUMBERED_COMMITTEE = Pattern.compile("(\\d{1,6})[.、]?" + COMMITTEE + ":?");
    /** {@code 政协成都市委员会} under a speech title. */
    private static final Pattern COMMITTEE_LINE = Pattern.compile(COMMITTEE + ":?");
    /** {@code (2021年9月28日)}. */
    private static final Pattern DATE = Pattern.compile("\\(?(\\d{4})年(\\d{1,2})月(\\d{1,2})日\\)?");

    /** Leader characters of a table-of-contents line: ……… or ....... or ·······. */
    private static final String LEADER_CHARS = "…⋯.·•・‧．｡";
    /** Punctuation after which a sentence (and so possibly a paragraph) is complete. */
    private static final String SENTENCE_FINAL = "。！？!?；;…:：";
    /** Closing quotes and brackets that may follow the sentence-final mark: 。” or 。） */
    private static final String CLOSERS = "”’」』）)》】〕\"'";

    private StructuralLines() {
    }

    record NumberedCommittee(int number, String committee) {
    }

    /** {@code 1.政协成都市委员会:} → (1, 政协成都市委员会), else null. */
    static NumberedCommittee numberedCommittee(SourceLine line) {
        Matcher m = NUMBERED_COMMITTEE.matcher(line.norm());
        if (!m.matches()) {
            return null;
        }
        return new NumberedCommittee(Integer.parseInt(m.group(1)), committeeName(line.text()));
    }

    static boolean isCommitteeLine(SourceLine line) {
        return COMMITTEE_LINE.matcher(line.norm()).matches();
    }

    /** The committee name as in the source: without the list number before it and the colon after it. */
    static String committeeName(String text) {
        int from = 0;
        while (from < text.length() && !text.startsWith("政协", from) && !text.startsWith("中国人民政治协商会议", from)) {
            from++;
        }
        int to = text.length();
        while (to > from && (text.charAt(to - 1) == ':' || text.charAt(to - 1) == '：'
                || Character.isWhitespace(text.charAt(to - 1)))) {
            to--;
        }
        return text.substring(from, to);
    }

    /** Comparison key of a committee name. */
    static String committeeKey(String committee) {
        String norm = MatchForm.of(committee);
        return norm.endsWith(":") ? norm.substring(0, norm.length() - 1) : norm;
    }

    static boolean isTocHeader(SourceLine line) {
        return line.norm().equals("目录") || line.norm().equals("目次");
    }

    /** The date of a cover date line such as {@code (2021年9月28日)}, or null when the line is not one. */
    static LocalDate date(SourceLine line) {
        Matcher m = DATE.matcher(line.norm());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new CompilationFormatException(line.number(), "invalid date '" + line.text() + "'");
        }
    }

    record TocTitle(String title, int page) {
    }

    /**
     * A table-of-contents title line ending in a dotted leader and a page number ({@code 标题………1}), or null.
     * Scans from the end by hand, so a hostile long line costs linear time.
     */
    static TocTitle tocTitle(String text) {
        int end = text.length();
        int digitsEnd = end;
        while (end > 0 && isDigit(text.charAt(end - 1))) {
            end--;
        }
        int digits = digitsEnd - end;
        if (digits == 0 || digits > 4) {
            return null;
        }
        int page = Integer.parseInt(MatchForm.of(text.substring(end, digitsEnd)));
        int leaderEnd = end;
        int dots = 0;
        boolean ellipsis = false;
        while (end > 0 && (LEADER_CHARS.indexOf(text.charAt(end - 1)) >= 0 || Character.isWhitespace(text.charAt(end - 1))
                || text.charAt(end - 1) == '\u3000')) {
            char c = text.charAt(end - 1);
            ellipsis |= c == '…' || c == '⋯';
            dots += LEADER_CHARS.indexOf(c) >= 0 ? 1 : 0;
            end--;
        }
        if (!ellipsis && dots < 2 || leaderEnd == end) {
            return null;
        }
        return new TocTitle(text.substring(0, end).strip(), page);
    }

    private static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }

    /**
     * The ordinal of a section heading line ({@code 一、…} → 1, {@code 十二、…} → 12), or -1. The text of the
     * heading starts at {@link #headingTextStart(String)}.
     */
    static int headingOrdinal(String text) {
        int i = 0;
        while (i < text.length() && i < 3 && ChineseNumerals.isNumeralChar(text.charAt(i))) {
            i++;
        }
        if (i == 0 || i >= text.length() || text.charAt(i) != '、') {
            return -1;
        }
        return ChineseNumerals.parse(text.substring(0, i));
    }

    static String headingText(String text) {
        return text.substring(text.indexOf('、') + 1).strip();
    }

    /** {@code （一）…} / {@code (一)…}: a sub-heading inside a section; always starts a new paragraph. */
    static boolean isSubHeading(SourceLine line) {
        String n = line.norm();
        if (!n.startsWith("(")) {
            return false;
        }
        int close = n.indexOf(')');
        return close > 1 && close <= 4 && ChineseNumerals.parse(n.substring(1, close)) > 0;
    }

    /**
     * Whether text ends a sentence: its last character, after closing quotes/brackets, is sentence-final
     * punctuation. A line that does not is hard-wrapped (or the body is cut off).
     */
    static boolean endsSentence(String text) {
        int i = text.length();
        while (i > 0 && CLOSERS.indexOf(text.charAt(i - 1)) >= 0) {
            i--;
        }
        return i > 0 && SENTENCE_FINAL.indexOf(text.charAt(i - 1)) >= 0;
    }

    /** Whether text contains sentence-final punctuation anywhere (a heading continuation never does). */
    static boolean containsSentenceEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';') {
                return true;
            }
        }
        return false;
    }
}
