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
        return fold(s, null);
    }

    /**
     * The match form of {@code s}; when {@code origin} is given (at least {@code s.length()} long), {@code origin[k]}
     * is set to the index in {@code s} of the form's k-th character.
     */
    static String fold(String s, int[] origin) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            if (origin != null) {
                origin[out.length()] = i;
            }
            out.append(c);
        }
        return out.toString();
    }
}
