package org.cppcc.archive.document.parsing;

/** Chinese numerals as used for section ordinals: 一 … 九十九. */
final class ChineseNumerals {

    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** The value of {@code s}, or -1 when it is not a numeral from 1 to 99. */
    static int parse(String s) {
        int ten = s.indexOf('十');
        if (ten < 0) {
            return s.length() == 1 ? positiveDigit(s.charAt(0)) : -1;
        }
        if (ten > 1 || s.length() > 3 || s.indexOf('十', ten + 1) >= 0) {
            return -1;
        }
        int tens = ten == 0 ? 1 : positiveDigit(s.charAt(0));
        int units = ten == s.length() - 1 ? 0 : positiveDigit(s.charAt(ten + 1));
        if (tens < 0 || units < 0 || (ten + 2 < s.length())) {
            return -1;
        }
        return tens * 10 + units;
    }

    /** 1 → 一, 12 → 十二, 20 → 二十, 23 → 二十三. */
    static String format(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("out of range: " + n);
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        String tens = n / 10 == 1 ? "十" : DIGITS.charAt(n / 10) + "十";
        return n % 10 == 0 ? tens : tens + DIGITS.charAt(n % 10);
    }

    static boolean isNumeralChar(char c) {
        return c == '十' || DIGITS.indexOf(c) > 0;
    }

    private static int positiveDigit(char c) {
        int d = DIGITS.indexOf(c);
        return d > 0 ? d : -1;
    }
}
