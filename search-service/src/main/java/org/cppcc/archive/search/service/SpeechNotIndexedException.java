package org.cppcc.archive.search.service;

/** The speech asked for is not in the search index (never indexed, or deleted). */
public class SpeechNotIndexedException extends RuntimeException {

    private final long speechId;

    public SpeechNotIndexedException(long speechId) {
        super("Speech " + speechId + " is not in the search index.");
        this.speechId = speechId;
    }

    public long speechId() {
        return speechId;
    }
}
