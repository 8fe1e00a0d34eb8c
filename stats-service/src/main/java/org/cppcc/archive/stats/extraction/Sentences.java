package org.cppcc.archive.stats.extraction;

/** Sentence bounds inside a paragraph: a sentence ends after 。！？；… (full-width or ASCII) or a closing quote after one. */
final class Sentences {

    private static final String ENDS = "。！？!?；;…";

    private Sentences() {
    }

    /** {start, end} of the sentence that contains {@code offset}; end is exclusive and includes the punctuation. */
    static int[] around(String text, int offset) {
        int start = offset;
        while (start > 0 && ENDS.indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        while (start > 0 && start < text.length() && (text.charAt(start) == '”' || text.charAt(start) == '’')
                && ENDS.indexOf(text.charAt(start - 1)) >= 0) {
            start++;
        }
        int end = offset;
        while (end < text.length() && ENDS.indexOf(text.charAt(end)) < 0) {
            end++;
        }
        while (end < text.length() && ENDS.indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        while (end < text.length() && (text.charAt(end) == '”' || text.charAt(end) == '’')) {
            end++;
        }
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return new int[] { start, end };
    }
}
