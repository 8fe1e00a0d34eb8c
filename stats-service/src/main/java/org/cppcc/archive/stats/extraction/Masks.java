package org.cppcc.archive.stats.extraction;

/**
 * Marks the characters inside names that are quoted, where a number is part of a name and not a count:
 * “1+2+4+N”, “七一”, ‘十四五’, “两个全覆盖”, and every 《document title》. A long quotation (a target or a
 * directive quoted in full, “市县政协每年至少9次协商活动…”) states facts and is not masked.
 */
final class Masks {

    /** Quoted text longer than this is a quotation, not a name. */
    static final int MAX_NAME_CHARS = 12;

    private Masks() {
    }

    static boolean[] quotedNames(String text) {
        boolean[] masked = new boolean[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char open = text.charAt(i);
            char close = switch (open) {
                case '“' -> '”';
                case '‘' -> '’';
                case '《' -> '》';
                case '「' -> '」';
                case '"' -> '"';
                default -> 0;
            };
            if (close == 0) {
                continue;
            }
            int end = text.indexOf(close, i + 1);
            if (end < 0) {
                continue;
            }
            if (open == '《' || end - i - 1 <= MAX_NAME_CHARS) {
                for (int k = i + 1; k < end; k++) {
                    masked[k] = true;
                }
                i = open == '"' ? end : i; // ASCII quotes pair up; curly ones may nest (‘’ inside “”)
            }
        }
        return masked;
    }
}
