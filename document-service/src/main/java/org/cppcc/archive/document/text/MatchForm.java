package org.cppcc.archive.document.text;

/**
 * The form in which structure is recognised and names are compared: full-width ASCII variants (：，（）．０-９)
 * become ASCII and all whitespace is removed, so {@code 1．政协成都市委员会：} and {@code 1.政协成都市委员会:}
 * compare equal. Never stored: what is stored is always cut from the source text.
 */
public final class MatchForm {

    private MatchForm() {
    }

    public static String of(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
