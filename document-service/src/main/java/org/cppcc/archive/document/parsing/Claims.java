package org.cppcc.archive.document.parsing;

/** Which part of the compilation each line was read as; a line belongs to at most one part. */
final class Claims {

    enum Part { TOC, BOOKMARKS, COVER, PREFACE, HEADER, BODY }

    private final Part[] parts;

    Claims(int lines) {
        parts = new Part[lines];
    }

    boolean isFree(int index) {
        return index >= 0 && index < parts.length && parts[index] == null;
    }

    boolean anyFree(int from, int to) {
        for (int i = from; i < to; i++) {
            if (parts[i] == null) {
                return true;
            }
        }
        return false;
    }

    void release(int from, int to) {
        claim(from, to, null);
    }

    void claim(int from, int to, Part part) {
        for (int i = from; i < to; i++) {
            parts[i] = part;
        }
    }
}
