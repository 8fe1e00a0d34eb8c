package org.cppcc.archive.document.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.sax.BodyContentHandler;
import org.cppcc.archive.document.parsing.ParseOptions;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Turns an uploaded compilation into text and the parse options its format implies: .txt (and text/plain) as
 * strict UTF-8, .docx through Tika's XHTML as one line per Word paragraph with its heading styles, .pdf through
 * Tika as the text dump a PDF gives (wrapped anywhere). Characters PDFBox could not map (U+FFFD) are kept: the
 * parser warns about the lines they stand on, so a few damaged glyphs do not cost the whole file.
 */
@ApplicationScoped
public class TextExtractor {

    /** Text longer than this is not a compilation; stops a zip bomb inside a .docx from filling the heap. */
    static final int MAX_CHARS = 5_000_000;

    public ExtractedText fromFile(byte[] content, String fileName, String contentType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt") || (name.isEmpty() || !name.contains(".")) && type.startsWith("text/plain")) {
            return fromPlainText(content);
        }
        if (name.endsWith(".docx")) {
            DocxParagraphs paragraphs = new DocxParagraphs(MAX_CHARS);
            tika(new OOXMLParser(), content, fileName, paragraphs);
            return paragraphs.result();
        }
        if (name.endsWith(".pdf")) {
            BodyContentHandler text = new BodyContentHandler(MAX_CHARS);
            tika(new PDFParser(), content, fileName, text);
            return new ExtractedText(text.toString(), ParseOptions.TEXT);
        }
        throw new UnsupportedFileTypeException(
                "Only .txt (UTF-8), .docx and .pdf files can be imported; got \"" + fileName + "\".");
    }

    /** A text/plain body or a .txt file: strict UTF-8, read as a text dump. */
    public ExtractedText fromPlainText(byte[] content) {
        return new ExtractedText(utf8(content), ParseOptions.TEXT);
    }

    /** Strict UTF-8: bytes that are not UTF-8 are refused rather than replaced, so stored text stays exact. */
    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableContentException("The text is not valid UTF-8.");
        }
    }

    private static void tika(Parser parser, byte[] content, String fileName, ContentHandler handler) {
        ParseContext context = new ParseContext();
        OfficeParserConfig office = new OfficeParserConfig();
        office.setIncludeHeadersAndFooters(false); // a Word page header or footer is page furniture
        context.set(OfficeParserConfig.class, office);
        try {
            parser.parse(new ByteArrayInputStream(content), handler, new Metadata(), context);
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            throw tooMuchText(e) ? tooLong(fileName) : unreadable(fileName);
        }
    }

    /** Tika may wrap the handler's refusal in its own exceptions. */
    private static boolean tooMuchText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DocxParagraphs.TooLong || WriteLimitReachedException.isWriteLimitReached(t)) {
                return true;
            }
        }
        return false;
    }

    private static UnreadableContentException unreadable(String fileName) {
        return new UnreadableContentException("The file \"" + fileName + "\" cannot be read as a document.");
    }

    private static UnreadableContentException tooLong(String fileName) {
        return new UnreadableContentException("The file \"" + fileName + "\" holds more than " + MAX_CHARS
                + " characters of text; that is not one compilation.");
    }
}
