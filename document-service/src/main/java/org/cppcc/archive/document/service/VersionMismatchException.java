package org.cppcc.archive.document.service;

/** The caller's expected version is not the current one: somebody else changed the speech in between. */
public class VersionMismatchException extends RuntimeException {

    public VersionMismatchException(long id, long current) {
        super("Speech " + id + " is at version " + current + "; fetch it again and re-apply the change.");
    }
}
