package org.cppcc.archive.document.text;

/**
 * A text in {@link MatchForm} (full-width ASCII folded, whitespace removed) that remembers where each of its characters
 * came from, so that what is matched in the folded form can be cut from the text as written.
 */
public final class FoldedText {

    private final String source;
    private final String form;
    private final int[] origin;

    public FoldedText(String source) {
        this.source = source;
        this.origin = new int[source.length()];
        this.form = MatchForm.fold(source, origin);
    }

    public String form() {
        return form;
    }

    /** Whether whitespace stands in the source right before folded character {@code i}. */
    public boolean spaceBefore(int i) {
        return i > 0 && origin[i] > origin[i - 1] + 1;
    }

    /** The source text of the folded characters {@code [from, to)}, as written (inner spaces included). */
    public String source(int from, int to) {
        return source.substring(origin[from], origin[to - 1] + 1);
    }
}
