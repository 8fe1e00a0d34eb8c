package org.cppcc.archive.document.parsing;

/**
 * The ordinal that opens a heading line: {@code 一、} {@code （一）} {@code 1.} {@code 1、} {@code 第一，}. Read from
 * the source text (full-width and ASCII forms alike) so that the heading text after it can be cut exactly.
 *
 * @param style     which numbering it is
 * @param ordinal   its number, 1 for 一 / 1
 * @param textStart index in the line's text where the heading text begins (after the marker and any spaces)
 */
record HeadingMarker(Style style, int ordinal, int textStart) {

    enum Style {
        /** 一、 */
        CHINESE,
        /** （一） or (一) */
        PAREN_CHINESE,
        /** 1. or 1． */
        ARABIC_DOT,
        /** 1、 */
        ARABIC_COMMA,
        /** 第一， 第一、 */
        ORDINAL
    }

    /** The marker opening {@code text}, or null. Looks at a handful of characters only. */
    static HeadingMarker of(String text) {
        int i = 0;
        while (i < text.length() && StructuralLines.isSpace(text.charAt(i))) {
            i++;
        }
        if (i >= text.length()) {
            return null;
        }
        char first = text.charAt(i);
        if (first == '(' || first == '（') {
            int close = numeralsEnd(text, i + 1);
            if (close > i + 1 && close < text.length() && (text.charAt(close) == ')' || text.charAt(close) == '）')) {
                return marker(Style.PAREN_CHINESE, ChineseNumerals.parse(text.substring(i + 1, close)), text, close + 1);
            }
            return null;
        }
        if (first == '第') {
            int end = numeralsEnd(text, i + 1);
            if (end > i + 1 && end < text.length() && "，,、".indexOf(text.charAt(end)) >= 0) {
                return marker(Style.ORDINAL, ChineseNumerals.parse(text.substring(i + 1, end)), text, end + 1);
            }
            return null;
        }
        if (ChineseNumerals.isNumeralChar(first)) {
            int end = numeralsEnd(text, i);
            if (end < text.length() && text.charAt(end) == '、') {
                return marker(Style.CHINESE, ChineseNumerals.parse(text.substring(i, end)), text, end + 1);
            }
            return null;
        }
        int end = i;
        int value = 0;
        while (end < text.length() && end - i < 2 && digit(text.charAt(end)) >= 0) {
            value = value * 10 + digit(text.charAt(end));
            end++;
        }
        if (end == i || end >= text.length() - 1) {
            return null;
        }
        char mark = text.charAt(end);
        // 1.5亿 and 1、2、3类 are numbers in a wrapped sentence, not headings
        if (digit(text.charAt(end + 1)) >= 0) {
            return null;
        }
        if (mark == '.' || mark == '．') {
            return marker(Style.ARABIC_DOT, value, text, end + 1);
        }
        if (mark == '、') {
            return marker(Style.ARABIC_COMMA, value, text, end + 1);
        }
        return null;
    }

    /** The heading text after the marker, e.g. 强引领,把准履职方向 for 一、强引领,把准履职方向. */
    String textOf(String line) {
        return line.substring(textStart).strip();
    }

    private static HeadingMarker marker(Style style, int ordinal, String text, int after) {
        if (ordinal <= 0) {
            return null;
        }
        int start = after;
        while (start < text.length() && StructuralLines.isSpace(text.charAt(start))) {
            start++;
        }
        return new HeadingMarker(style, ordinal, start);
    }

    private static int numeralsEnd(String text, int from) {
        int end = from;
        while (end < text.length() && end - from < 3 && ChineseNumerals.isNumeralChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= '０' && c <= '９' ? c - '０' : -1;
    }
}
