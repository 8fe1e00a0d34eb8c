package org.cppcc.archive.document.service;

/** An uploaded file of a type the importer does not read (only .txt, .docx and .pdf are). */
public class UnsupportedFileTypeException extends RuntimeException {

    public UnsupportedFileTypeException(String message) {
        super(message);
    }
}
