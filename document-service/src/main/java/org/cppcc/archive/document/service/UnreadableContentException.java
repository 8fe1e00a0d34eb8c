package org.cppcc.archive.document.service;

/** An uploaded file of a supported type that cannot be turned into text: not UTF-8, a damaged document. */
public class UnreadableContentException extends RuntimeException {

    public UnreadableContentException(String message) {
        super(message);
    }
}
