package org.cppcc.archive.search.rest;

/** A refusal with a status and a detail a caller can act on; mapped to problem+json. */
public class ProblemException extends RuntimeException {

    private final int status;

    public ProblemException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
