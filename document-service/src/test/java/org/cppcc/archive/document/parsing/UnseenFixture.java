package org.cppcc.archive.document.parsing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cppcc.archive.document.service.ExtractedText;
import org.cppcc.archive.document.service.TextExtractor;
import org.cppcc.archive.document.support.DocxFixture;
import org.cppcc.archive.document.support.PdfFixture;

/**
 * One of the unseen fixture compilations (src/test/resources/compilations/unseen, format in its README.md): its
 * source, turned into what an import receives (a .txt as is; a real DOCX built with POI, a real PDF drawn with
 * PDFBox, both read back through the service's {@link TextExtractor}), and its hand-written expected structure.
 *
 * @param name     the fixture's name, e.g. guangdong-plenary-2023
 * @param format   txt, docx or pdf
 * @param source   the source file's text (for docx and pdf: the markup)
 * @param expected the expected.json
 */
record UnseenFixture(String name, String format, String source, JsonNode expected) {

    static final Path DIRECTORY = Paths.get("src/test/resources/compilations/unseen");

    static List<UnseenFixture> all() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            List<UnseenFixture> fixtures = new ArrayList<>();
            for (Path json : files.filter(f -> f.toString().endsWith(".expected.json")).sorted().toList()) {
                String name = json.getFileName().toString().replace(".expected.json", "");
                for (String format : List.of("txt", "docx", "pdf")) {
                    Path source = DIRECTORY.resolve(format.equals("txt") ? name + ".txt" : name + "." + format + ".txt");
                    if (Files.exists(source)) {
                        fixtures.add(new UnseenFixture(name, format,
                                new String(Files.readAllBytes(source), StandardCharsets.UTF_8),
                                new ObjectMapper().readTree(json.toFile())));
                    }
                }
            }
            return fixtures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What an import of this fixture hands the parser, extracted the way the service extracts it: the file built
     * and named as system-tests' ImportThroughGatewayIT uploads it ({@code <name>.pdf}, application/pdf).
     */
    ExtractedText extracted() {
        return extract(name, format, source);
    }

    /** The same for another source in this fixture's format (a mutated copy). */
    static ExtractedText extract(String format, String source) {
        return extract("fixture", format, source);
    }

    private static ExtractedText extract(String name, String format, String source) {
        TextExtractor extractor = new TextExtractor();
        return switch (format) {
            case "docx" -> extractor.fromFile(DocxFixture.fromMarkup(source), name + ".docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            case "pdf" -> extractor.fromFile(PdfFixture.fromMarkup(source), name + ".pdf", "application/pdf");
            default -> extractor.fromPlainText(source.getBytes(StandardCharsets.UTF_8));
        };
    }

    @Override
    public String toString() {
        return name + " (" + format + ")";
    }
}
