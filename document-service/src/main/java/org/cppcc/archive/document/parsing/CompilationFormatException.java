package org.cppcc.archive.document.parsing;

/**
 * The text is not a compilation this parser can make sense of. Carries the 1-based line of the input where the
 * problem was found and a human-readable reason; the message is {@code "line N: reason"}.
 */
public final class CompilationFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String reason;

    public CompilationFormatException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
