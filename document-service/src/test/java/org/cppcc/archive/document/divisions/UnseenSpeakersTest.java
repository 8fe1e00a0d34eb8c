package org.cppcc.archive.document.divisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The speakers of the unseen fixture compilations (written by hand, with their kind and region checked against the
 * dataset): each is recognised with its kind, resolves to its region within the compilation's province, and the
 * speakers together give the compilation's province.
 */
class UnseenSpeakersTest {

    private static final Path UNSEEN = Path.of("src/test/resources/compilations/unseen");

    private final Gazetteer gazetteer = Gazetteer.national();

    @Test
    void everySpeakerIsRecognisedAndResolvedAsTheFixtureSays() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(UNSEEN)) {
            fixtures = files.filter(p -> p.toString().endsWith(".expected.json")).sorted().toList();
        }
        assertTrue(fixtures.size() >= 10, "unseen fixtures: " + fixtures.size());
        ObjectMapper json = new ObjectMapper();
        for (Path fixture : fixtures) {
            JsonNode expected = json.readTree(fixture.toFile());
            String province = expected.get("province").asText();
            String provinceCode = gazetteer.provinces().stream().filter(r -> r.name().equals(province))
                    .findFirst().orElseThrow().code();
            List<String> speakers = new ArrayList<>();
            for (JsonNode speech : expected.get("speeches")) {
                String speaker = speech.get("committee").asText();
                String where = fixture.getFileName() + ": " + speaker;
                speakers.add(speaker);
                Optional<Speaker> recognised = Speakers.recognise(speaker);
                assertEquals(Optional.of(speech.get("speakerKind").asText()), recognised.map(s -> s.kind().value()), where);
                assertEquals(speaker, recognised.orElseThrow().name(), where);
                if (recognised.get().kind() == SpeakerKind.MEMBER) {
                    assertEquals(speech.get("speakerName").asText(), recognised.get().person(), where);
                }
                JsonNode region = speech.get("region");
                assertEquals(region.isNull() ? Optional.empty() : Optional.of(new Region(region.get("name").asText(),
                                region.get("code").asText(), region.get("level").asText(),
                                region.get("parent").isNull() ? null : region.get("parent").asText())),
                        gazetteer.resolve(speaker, provinceCode), where);
            }
            assertEquals(Optional.of(province), gazetteer.inferProvince(speakers).map(Region::name),
                    fixture.getFileName().toString());
        }
    }
}
