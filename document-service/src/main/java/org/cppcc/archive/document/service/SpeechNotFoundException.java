package org.cppcc.archive.document.service;

/** No speech with that id, or ({@code deleted}) one that has been deleted. */
public class SpeechNotFoundException extends RuntimeException {

    private final long id;
    private final boolean deleted;

    public SpeechNotFoundException(long id, boolean deleted) {
        super(deleted ? "Speech " + id + " has been deleted." : "No speech " + id + ".");
        this.id = id;
        this.deleted = deleted;
    }

    public long id() {
        return id;
    }

    public boolean deleted() {
        return deleted;
    }
}
