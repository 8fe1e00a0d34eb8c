package org.cppcc.archive.document.service;

import org.cppcc.archive.document.parsing.ParseOptions;

/**
 * An upload turned into text, with the parse options its format implies: a DOCX's lines are whole paragraphs and
 * some are Word headings; a text or PDF dump is wrapped anywhere.
 */
public record ExtractedText(String text, ParseOptions options) {
}
