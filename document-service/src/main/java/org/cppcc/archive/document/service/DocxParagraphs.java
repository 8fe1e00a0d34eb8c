package org.cppcc.archive.document.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cppcc.archive.document.parsing.ParseOptions;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the XHTML Tika makes of a DOCX: one line per Word paragraph ({@code <p>}), and the lines of paragraphs in
 * a Word heading style ({@code <h1>}…{@code <h6>}) remembered as headings. Bold run-in headings are ordinary
 * {@code <b>} inside a {@code <p>} and stay text. A line break inside a paragraph starts a new line, so line
 * numbers here are the line numbers the parser counts.
 */
final class DocxParagraphs extends DefaultHandler {

    /** Raised when the document holds more text than any compilation could; stops zip bombs filling the heap. */
    static final class TooLong extends SAXException {
        TooLong(int max) {
            super("more than " + max + " characters of text");
        }
    }

    private final int maxChars;
    private final List<String> lines = new ArrayList<>();
    private final Set<Integer> headingLines = new HashSet<>();
    private final StringBuilder current = new StringBuilder();
    private int chars;
    private boolean inHeading;

    DocxParagraphs(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (isBlock(localName)) {
            flushStrayText();
            inHeading = isHeading(localName);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (isBlock(localName)) {
            flush(inHeading);
            inHeading = false;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        chars += length;
        if (chars > maxChars) {
            throw new TooLong(maxChars);
        }
        current.append(ch, start, length);
    }

    @Override
    public void endDocument() {
        flushStrayText();
    }

    ExtractedText result() {
        return new ExtractedText(String.join("\n", lines), new ParseOptions(false, true, headingLines));
    }

    /** Text outside any paragraph (rare: Tika writes almost everything inside one) is a line of its own. */
    private void flushStrayText() {
        if (!current.toString().isBlank()) {
            flush(false);
        }
        current.setLength(0);
    }

    private void flush(boolean heading) {
        for (String line : current.toString().split("\r\n|\r|\n", -1)) {
            lines.add(line);
            if (heading) {
                headingLines.add(lines.size());
            }
        }
        current.setLength(0);
    }

    private static boolean isBlock(String name) {
        return name.equals("p") || isHeading(name);
    }

    private static boolean isHeading(String name) {
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
    }
}
