package org.cppcc.archive.system.imports;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.cppcc.archive.document.support.DocxFixture;
import org.cppcc.archive.document.support.PdfFixture;
import org.cppcc.archive.system.Keycloak;
import org.cppcc.archive.system.SystemUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;

/**
 * An admin imports unseen fixture compilations (document-service's test resources compilations/unseen/, each with
 * the structure written down by hand in its expected.json) through the gateway as a text, a DOCX and a PDF file,
 * and reads back exactly the expected speeches: speaker, kind, region, title, body, sections and paragraphs.
 */
class ImportThroughGatewayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNSEEN = "/compilations/unseen/";

    private static SystemUnderTest system;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.get();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "zhejiang-hangzhou-district-exchange, txt",
            "beijing-district-exchange-heading-styles, docx",
            "henan-kaifeng-grassroots, pdf" })
    void anAdminImportsAFixtureThroughTheGatewayAndGetsTheExpectedSpeeches(String name, String format)
            throws IOException {
        JsonNode expected = JSON.readTree(resource(name + ".expected.json"));
        Response imported = given().auth().oauth2(Keycloak.opsToken())
                .multiPart("file", name + "." + format, file(name, format), mediaType(format))
                .post(system.gatewayUrl() + "/api/v1/compilations/import");
        assertEquals(201, imported.statusCode(), imported.asString());
        JsonNode compilation = JSON.readTree(imported.asString());
        assertEquals(expected.path("title").asText(), compilation.path("title").asText());
        assertEquals(expected.path("province").asText(), compilation.path("province").asText());
        assertTrue(compilation.path("coverage").asDouble() > 0.9, "coverage " + compilation.path("coverage"));

        JsonNode items = compilation.path("speeches");
        assertEquals(expected.path("speeches").size(), items.size(), "speeches of " + name);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode speech = JSON.readTree(given().auth().oauth2(Keycloak.portalToken())
                    .get(system.gatewayUrl() + "/api/v1/speeches/" + items.get(i).path("id").asLong())
                    .then().statusCode(200).extract().asString());
            JsonNode want = stored(expected.path("speeches").get(i));
            JsonNode got = stored(speech);
            if (!want.equals(got)) {
                differences.add("speech " + (i + 1) + "\n  expected " + want + "\n  got      " + got);
            }
        }
        assertTrue(differences.isEmpty(), name + " as " + format + ":\n" + String.join("\n", differences));
    }

    /** What the archive stores of a speech, in the expected.json's terms (its region as the code alone). */
    private static JsonNode stored(JsonNode speech) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        for (String field : List.of("order", "committee", "speakerKind", "speakerName", "title", "tocPage",
                "bodyAvailable", "truncated", "outline", "lead")) {
            s.set(field, speech.path(field));
        }
        JsonNode region = speech.path("region");
        s.put("regionCode", region.isObject() ? region.path("code").asText(null) : speech.path("regionCode").asText(null));
        ArrayNode sections = s.putArray("sections");
        for (JsonNode section : speech.path("sections")) {
            ObjectNode out = sections.addObject();
            out.set("ordinal", section.path("ordinal"));
            out.set("heading", section.path("heading"));
            ArrayNode paragraphs = out.putArray("paragraphs");
            for (JsonNode paragraph : section.path("paragraphs")) {
                paragraphs.add(paragraph.isObject() ? paragraph.path("text") : paragraph);
            }
        }
        return s;
    }

    private static byte[] file(String name, String format) throws IOException {
        return switch (format) {
            case "txt" -> resource(name + ".txt").getBytes(StandardCharsets.UTF_8);
            case "docx" -> DocxFixture.fromMarkup(resource(name + ".docx.txt"));
            case "pdf" -> PdfFixture.fromMarkup(resource(name + ".pdf.txt"));
            default -> throw new IllegalArgumentException(format);
        };
    }

    private static String mediaType(String format) {
        return switch (format) {
            case "txt" -> "text/plain";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            default -> "application/pdf";
        };
    }

    /** The fixture exactly as stored (a text fixture's BOM and CRLF included). */
    private static String resource(String file) throws IOException {
        try (InputStream in = ImportThroughGatewayIT.class.getResourceAsStream(UNSEEN + file)) {
            if (in == null) {
                throw new IllegalStateException(UNSEEN + file + " is not on the classpath (document-service's test jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
