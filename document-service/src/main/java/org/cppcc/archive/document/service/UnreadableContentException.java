package org.cppcc.archive.document.service;

/** An uploaded file that cannot be turned into text: unsupported type, not UTF-8, damaged document. */
public class UnreadableContentException extends RuntimeException {

    private final boolean unsupportedType;

    public UnreadableContentException(String message, boolean unsupportedType) {
        super(message);
        this.unsupportedType = unsupportedType;
    }

    public boolean unsupportedType() {
        return unsupportedType;
    }
}
