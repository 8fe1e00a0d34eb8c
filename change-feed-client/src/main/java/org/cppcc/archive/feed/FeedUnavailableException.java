package org.cppcc.archive.feed;

/** document-service could not be reached or answered with an error; the consumer backs off and retries. */
public class FeedUnavailableException extends Exception {

    public FeedUnavailableException(String message) {
        super(message);
    }

    public FeedUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
