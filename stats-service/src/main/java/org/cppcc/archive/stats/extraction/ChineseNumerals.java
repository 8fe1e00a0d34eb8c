package org.cppcc.archive.stats.extraction;

import java.math.BigDecimal;

/** Reads Chinese numerals (五, 两, 十二, 一百五十, 三千, 两万) and Arabic numbers with 万/亿 multipliers. */
public final class ChineseNumerals {

    private ChineseNumerals() {
    }

    static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    static long multiplier(char c) {
        return switch (c) {
            case '十' -> 10L;
            case '百' -> 100L;
            case '千' -> 1_000L;
            case '万' -> 10_000L;
            case '亿' -> 100_000_000L;
            default -> -1L;
        };
    }

    /**
     * The value of a Chinese numeral, or null when the characters are not one well-formed number: 十四五 and
     * 七一 are two numerals side by side (a plan's name, a date), not a number.
     */
    public static Long parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        long total = 0;      // completed 亿/万 groups
        long section = 0;    // the group below the last 万/亿
        long pending = -1;   // a digit waiting for its 十/百/千
        long lastSmallUnit = Long.MAX_VALUE;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                if (pending >= 0 && !(pending == 0 || d == 0)) {
                    return null; // two digits in a row: 十四五, 七一
                }
                pending = d;
                continue;
            }
            long m = multiplier(c);
            if (m < 0) {
                return null;
            }
            if (m >= 10_000L) {
                long group = section + Math.max(pending, 0);
                if (group == 0) {
                    group = 1;
                }
                total = (total + group) * m;
                section = 0;
                pending = -1;
                lastSmallUnit = Long.MAX_VALUE;
            } else {
                if (m >= lastSmallUnit) {
                    return null;
                }
                long unitDigit = pending < 0 ? 1 : pending; // 十二 = 1×10 + 2
                if (pending == 0) {
                    return null;
                }
                section += unitDigit * m;
                pending = -1;
                lastSmallUnit = m;
            }
        }
        if (pending > 0) {
            if (lastSmallUnit != Long.MAX_VALUE && lastSmallUnit > 10 && i(s)) {
                // 一百五 → 150 (a trailing digit after 百 means tens); keep it simple and exact
                section += pending * (lastSmallUnit / 10);
            } else {
                section += pending;
            }
        }
        return total + section;
    }

    private static boolean i(String s) {
        char last = s.charAt(s.length() - 1);
        char before = s.length() > 1 ? s.charAt(s.length() - 2) : ' ';
        return digit(last) > 0 && (before == '百' || before == '千');
    }

    /** "162" + 万 → 1620000; "37.3" → 37.3. */
    public static BigDecimal arabic(String digits, String multipliers) {
        BigDecimal value = new BigDecimal(digits);
        for (char c : multipliers.toCharArray()) {
            value = value.multiply(BigDecimal.valueOf(multiplier(c)));
        }
        return normalise(value);
    }

    public static BigDecimal normalise(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
