package org.cppcc.archive.document.divisions;

/**
 * A text in {@link org.cppcc.archive.document.text.MatchForm} (full-width ASCII folded, whitespace removed) that
 * remembers where each of its characters came from, so that what is matched in the folded form can be cut from the
 * text as written.
 */
final class FoldedText {

    private final String source;
    private final String form;
    private final int[] origin;

    FoldedText(String source) {
        this.source = source;
        StringBuilder out = new StringBuilder(source.length());
        int[] at = new int[source.length()];
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                at[out.length()] = i;
                out.append((char) (c - 0xFEE0));
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                at[out.length()] = i;
                out.append(c);
            }
        }
        this.form = out.toString();
        this.origin = at;
    }

    String form() {
        return form;
    }

    /** Whether whitespace stands in the source right before folded character {@code i}. */
    boolean spaceBefore(int i) {
        return i > 0 && origin[i] > origin[i - 1] + 1;
    }

    /** The source text of the folded characters {@code [from, to)}, as written (inner spaces included). */
    String source(int from, int to) {
        return source.substring(origin[from], origin[to - 1] + 1);
    }
}
