package org.cppcc.archive.document.service;

/** No speech with that id was ever stored (a deleted one is {@link SpeechGoneException}). */
public class SpeechNotFoundException extends RuntimeException {

    public SpeechNotFoundException(long id) {
        super("No speech " + id + ".");
    }
}
