package org.cppcc.archive.contract;

import java.util.List;

/** A refusal with a status and a detail a caller can act on (and the inputs it names); mapped to problem+json. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final List<Problem.Violation> violations;

    public ProblemException(int status, String detail) {
        this(status, detail, null);
    }

    public ProblemException(int status, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.violations = violations == null ? null : List.copyOf(violations);
    }

    public int status() {
        return status;
    }

    /** The rejected inputs, or null when the problem names none. */
    public List<Problem.Violation> violations() {
        return violations;
    }
}
