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
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Turns an uploaded compilation into text: .txt (and text/plain) as strict UTF-8, .docx and .pdf through Apache
 * Tika. The text then goes through the same parser as a text/plain import.
 */
@ApplicationScoped
public class TextExtractor {

    /** Text longer than this is not a compilation; stops a zip bomb inside a .docx from filling the heap. */
    static final int MAX_CHARS = 5_000_000;

    public String text(byte[] content, String fileName, String contentType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt") || (name.isEmpty() || !name.contains(".")) && type.startsWith("text/plain")) {
            return utf8(content);
        }
        if (name.endsWith(".docx") || name.endsWith(".pdf")) {
            return tika(content, fileName);
        }
        throw new UnreadableContentException(
                "Only .txt (UTF-8), .docx and .pdf files can be imported; got \"" + fileName + "\".", true);
    }

    /** Strict UTF-8: bytes that are not UTF-8 are refused rather than replaced, so stored text stays exact. */
    public String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableContentException("The text is not valid UTF-8.", false);
        }
    }

    private String tika(byte[] content, String fileName) {
        BodyContentHandler handler = new BodyContentHandler(MAX_CHARS);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try {
            new AutoDetectParser().parse(new ByteArrayInputStream(content), handler, metadata, new ParseContext());
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            throw new UnreadableContentException("The file \"" + fileName + "\" cannot be read as a document.", false);
        }
        return handler.toString();
    }
}
