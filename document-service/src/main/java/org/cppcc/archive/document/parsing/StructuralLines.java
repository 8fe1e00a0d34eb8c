package org.cppcc.archive.document.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cppcc.archive.document.divisions.Speaker;
import org.cppcc.archive.document.divisions.Speakers;
import org.cppcc.archive.document.text.MatchForm;

/**
 * Recognisers for the structural lines of a compilation. Matching works on the normalised form of a line (so
 * ASCII and full-width punctuation are equivalent); anything returned for storage is cut from the source text.
 * Every recogniser scans a line a bounded number of times, so hostile long lines cost linear time.
 */
final class StructuralLines {

    /** {@code (2021年9月28日)}, {@code （2022年12月）}, {@code 2022年6月}, {@code 2023年} on a line of their own. */
    private static final Pattern DATE = Pattern.compile("\\(?(\\d{4})年(?:(\\d{1,2})月(?:(\\d{1,2})日)?)?\\)?");
    /**
     * The same in Chinese numerals, as covers print them: {@code 二〇二三年五月}, {@code 二○二三年}, {@code 二〇二三年五月
     * 二十日}; the year digit by digit (zero as 〇, ○ or 零), month and day as numbers.
     */
    private static final Pattern CHINESE_DATE = Pattern.compile(
            "\\(?([〇○零一二三四五六七八九]{4})年(?:([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})日)?)?\\)?");
    private static final String YEAR_DIGITS = "〇一二三四五六七八九";

    /** Leader characters of a table-of-contents line: ……… or ....... or ······· or -------. */
    private static final String LEADER_CHARS = "…⋯.·•・‧．｡-—－_";
    /** Punctuation after which a sentence (and so possibly a paragraph) is complete. */
    private static final String SENTENCE_FINAL = "。！？!?；;…:：";
    /** Closing quotes and brackets that may follow the sentence-final mark: 。” or 。） */
    private static final String CLOSERS = "”’」』）)》】〕\"'";
    /** The longest speaker part of a TOC line or one-line speech header. */
    private static final int MAX_SPEAKER_CHARS = 60;

    private StructuralLines() {
    }

    static boolean isTocHeader(String norm) {
        return norm.equals("目录") || norm.equals("目次");
    }

    /** 前言, 编者按, 序言 …: the heading of a preface, alone on its line. */
    static boolean isPrefaceHeading(String norm) {
        String n = norm.endsWith(":") ? norm.substring(0, norm.length() - 1) : norm;
        return n.equals("前言") || n.equals("编者按") || n.equals("序言") || n.equals("序") || n.equals("编者的话")
                || n.equals("编辑说明") || n.equals("说明");
    }

    /** 编者按：本汇编收录…: an editor's note that runs on from its label. */
    static boolean isRunOnPreface(String norm) {
        return norm.startsWith("编者按:") || norm.startsWith("前言:");
    }

    /** A per-speech subtitle: {@code ——在全市政协工作推进会上的发言}. */
    static boolean isSubtitle(String norm) {
        return norm.length() > 2 && (norm.startsWith("——") || norm.startsWith("--") || norm.startsWith("—-"));
    }

    /** A date line: year, and optionally month and day (0 when not given). */
    record DateLine(int year, int month, int day) {

        /**
         * The date, the 1st of the month when only year and month are given; null when the line gives the year
         * alone (noted) or is no valid date (a warning).
         */
        LocalDate toDate(SourceLine line, Findings findings) {
            if (month == 0) {
                findings.noted(line.number(), "date line '" + line.text() + "' gives the year only: no date kept");
                return null;
            }
            try {
                return LocalDate.of(year, month, day == 0 ? 1 : day);
            } catch (DateTimeException e) {
                findings.assumed(line.number(), "invalid date '" + line.text() + "': taken as no date");
                return null;
            }
        }
    }

    static DateLine dateOf(String norm) {
        if (norm.length() > 16 || norm.startsWith("(") != norm.endsWith(")")) {
            return null;
        }
        Matcher m = DATE.matcher(norm);
        if (m.matches()) {
            return new DateLine(Integer.parseInt(m.group(1)), number(m.group(2)), number(m.group(3)));
        }
        m = CHINESE_DATE.matcher(norm);
        if (!m.matches()) {
            return null;
        }
        int year = 0;
        for (char c : m.group(1).toCharArray()) {
            year = year * 10 + Math.max(0, YEAR_DIGITS.indexOf(c)); // ○ and 零 are not in YEAR_DIGITS: zero
        }
        int month = m.group(2) == null ? 0 : ChineseNumerals.parse(m.group(2));
        int day = m.group(3) == null ? 0 : ChineseNumerals.parse(m.group(3));
        return month < 0 || day < 0 ? null : new DateLine(year, month, day);
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    /** A speaker as the text names it, with the source text it was cut from. */
    record NamedSpeaker(Speaker speaker, int number) {
    }

    /**
     * {@code 1.政协成都市委员会:} (bookmark list, two-line TOC entry) → (政协成都市委员会, 1); the number is 0 when the
     * line has none. Null when the rest is no speaker.
     */
    static NamedSpeaker numberedSpeaker(String text) {
        int afterNumber = afterListNumber(text);
        int number = listNumber(text);
        if (text.length() - afterNumber > MAX_SPEAKER_CHARS + 1) {
            return null;
        }
        return Speakers.recognise(text.substring(afterNumber)).map(s -> new NamedSpeaker(s, number)).orElse(null);
    }

    /** A line that is a speaker and nothing else (政协成都市委员会, 政协XX市委员会主席 张三, 陈志强委员). */
    static Optional<Speaker> speakerLine(SourceLine line) {
        return line.norm().length() > MAX_SPEAKER_CHARS ? Optional.empty() : Speakers.recognise(line.text());
    }

    /** {@code 政协XX县委员会：题目} (a one-line speech header or the text of a one-line TOC entry). */
    record SpeakerAndTitle(Speaker speaker, String title) {
    }

    /** Splits at the first colon whose left side names a speaker; null when none does or no title follows. */
    static SpeakerAndTitle speakerAndTitle(String text) {
        int limit = Math.min(text.length(), MAX_SPEAKER_CHARS + 1);
        for (int i = 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c != ':' && c != '：') {
                continue;
            }
            String title = text.substring(i + 1).strip();
            if (title.isEmpty()) {
                return null;
            }
            Optional<Speaker> speaker = Speakers.recognise(text.substring(0, i));
            if (speaker.isPresent()) {
                return new SpeakerAndTitle(speaker.get(), title);
            }
        }
        return null;
    }

    /**
     * {@code 题目（大理市政协）}: a title with its speaker after it in brackets, as a TOC entry may give them; null when
     * the closing brackets hold no speaker or no title stands before them. Scans the last few characters only.
     */
    static SpeakerAndTitle titleThenSpeaker(String text) {
        String t = text.strip();
        int close = t.length() - 1;
        if (close < 0 || t.charAt(close) != ')' && t.charAt(close) != '）') {
            return null;
        }
        int open = -1;
        int depth = 0;
        for (int i = close; i >= 0 && close - i <= MAX_SPEAKER_CHARS + 1; i--) {
            char c = t.charAt(i);
            if (c == ')' || c == '）') {
                depth++;
            } else if ((c == '(' || c == '（') && --depth == 0) {
                open = i;
                break;
            }
        }
        String title = open < 0 ? "" : t.substring(0, open).strip();
        if (title.isEmpty()) {
            return null;
        }
        return Speakers.recognise(t.substring(open + 1, close)).map(s -> new SpeakerAndTitle(s, title)).orElse(null);
    }

    /**
     * Index after a list number such as {@code 1.} {@code 12．} {@code 3、} {@code 一、} at the start of text, else 0
     * (Chinese numerals need their 、, as in a TOC numbered 一、 二、).
     */
    static int afterListNumber(String text) {
        int i = 0;
        while (i < text.length() && i < 6 && isDigit(text.charAt(i))) {
            i++;
        }
        if (i > 0 && i < text.length() && ".．、".indexOf(text.charAt(i)) >= 0) {
            i++;
        } else if (i == 0) {
            i = afterChineseListNumber(text);
        }
        if (i == 0) {
            return 0;
        }
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The list number at the start of text ({@code 12．} → 12, {@code 三、} → 3), 0 when there is none. */
    static int listNumber(String text) {
        int i = 0;
        while (i < text.length() && i < 6 && isDigit(text.charAt(i))) {
            i++;
        }
        if (i > 0) {
            return Integer.parseInt(MatchForm.of(text.substring(0, i)));
        }
        int end = afterChineseListNumber(text);
        return end == 0 ? 0 : ChineseNumerals.parse(text.substring(0, end - 1));
    }

    /** Index after {@code 一、} … {@code 九十九、} at the start of text, else 0. */
    private static int afterChineseListNumber(String text) {
        int i = 0;
        while (i < text.length() && i < 3 && ChineseNumerals.isNumeralChar(text.charAt(i))) {
            i++;
        }
        boolean numbered = i > 0 && i < text.length() && text.charAt(i) == '、'
                && ChineseNumerals.parse(text.substring(0, i)) > 0;
        return numbered ? i + 1 : 0;
    }

    /** A table-of-contents line's text and page: {@code 标题………1} → (标题, 1). */
    record TocTitle(String title, int page) {
    }

    /**
     * A line ending in a leader and a page number, or null. Leaders are runs of {@code …} {@code .} {@code ·}
     * {@code -} (at least two characters, or one ellipsis), or of at least two spaces. Page numbers are ASCII or
     * full-width digits. Scans from the end by hand, so a hostile long line costs linear time.
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
        int spaces = 0;
        boolean ellipsis = false;
        while (end > 0 && (LEADER_CHARS.indexOf(text.charAt(end - 1)) >= 0 || isSpace(text.charAt(end - 1)))) {
            char c = text.charAt(end - 1);
            ellipsis |= c == '…' || c == '⋯';
            dots += LEADER_CHARS.indexOf(c) >= 0 ? 1 : 0;
            spaces += isSpace(c) ? (c == '\u3000' ? 2 : 1) : 0;
            end--;
        }
        if (leaderEnd == end || !ellipsis && dots < 2 && spaces < 2) {
            return null;
        }
        return new TocTitle(text.substring(0, end).strip(), page);
    }

    static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
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

    /** Whether text contains sentence-final punctuation anywhere (a heading continuation or a title never does). */
    static boolean containsSentenceEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';') {
                return true;
            }
        }
        return false;
    }

    static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
