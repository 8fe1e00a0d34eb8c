package org.cppcc.archive.document.service;

/**
 * An input names something that does not exist or cannot be used that way (a compilation id, a paragraph to
 * split at, a speech to merge that does not follow); {@code field} is the input field to correct.
 */
public class InvalidReferenceException extends RuntimeException {

    private final String field;

    public InvalidReferenceException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
