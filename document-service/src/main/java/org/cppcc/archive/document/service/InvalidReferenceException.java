package org.cppcc.archive.document.service;

/** An input refers to something that does not exist (e.g. a compilation id). */
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
