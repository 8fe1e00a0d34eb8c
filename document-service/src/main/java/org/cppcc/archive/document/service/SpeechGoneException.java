package org.cppcc.archive.document.service;

/** The speech existed and has been deleted: its id will not come back. */
public class SpeechGoneException extends RuntimeException {

    public SpeechGoneException(long id) {
        super("Speech " + id + " has been deleted.");
    }
}
