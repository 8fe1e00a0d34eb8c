package org.cppcc.archive.stats.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.cppcc.archive.stats.service.ChangeApplier;
import org.cppcc.archive.stats.change.ChangeItem;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every answer of the API, byte for byte, as dashboards and the CSV readers by position read it: field names and
 * order, number formats, column order. The fixtures under {@code answers/} were written by the service before its
 * answers became typed records; run with {@code -DanswerFixtures.write=true} to write them again (then review the diff).
 */
@QuarkusTest
class StatsAnswersTest {

    static final Path FIXTURES = Path.of("src/test/resources/answers");

    @Inject
    StatsRepository repository;
    @Inject
    ChangeApplier applier;

    @BeforeEach
    void seed() throws Exception {
        repository.reset();
        for (ChangeItem change : SeedSpeeches.changes(1)) {
            applier.apply(change);
        }
        applier.apply(SeedSpeeches.change(13, "upsert", 201, 1, OtherSpeeches.xihu()));
        applier.apply(SeedSpeeches.change(14, "upsert", 202, 1, OtherSpeeches.party()));
    }

    /** name → path and query, each answered as JSON and (for lists) as CSV. */
    static Map<String, String> questions() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("overview", "/api/v1/stats/overview");
        q.put("platforms", "/api/v1/stats/platforms");
        q.put("platforms-neijiang", "/api/v1/stats/platforms?region=内江市");
        q.put("platforms-party", "/api/v1/stats/platforms?speakerKind=party");
        q.put("members", "/api/v1/stats/members");
        q.put("members-compilation-2", "/api/v1/stats/members?compilationId=2");
        q.put("coverage", "/api/v1/stats/coverage");
        q.put("coverage-party", "/api/v1/stats/coverage?speakerKind=party");
        q.put("facts", "/api/v1/stats/facts");
        q.put("facts-all", "/api/v1/stats/facts?size=100");
        q.put("facts-page-2", "/api/v1/stats/facts?size=5&page=2");
        q.put("facts-economic", "/api/v1/stats/facts?category=economic&q=亿元");
        q.put("facts-xihu-members", "/api/v1/stats/facts?region=西湖区&category=member");
        q.put("facts-village", "/api/v1/stats/facts?tier=village&status=extracted&speakerKind=committee");
        q.put("facts-speech-104", "/api/v1/stats/facts?speechId=104");
        q.put("topics", "/api/v1/stats/topics?terms=有事来协商,双助,提案");
        q.put("topics-party", "/api/v1/stats/topics?terms=提案&speakerKind=party");
        return q;
    }

    @Test
    void everyAnswerIsTheOneDashboardsRead() throws IOException {
        String analyst = StatsResourceTest.analyst();
        String someFact = given().auth().oauth2(analyst).get("/api/v1/stats/facts?speechId=104").then().statusCode(200)
                .extract().path("items[0].id");
        Map<String, String> questions = questions();
        questions.put("fact", "/api/v1/stats/facts/" + someFact);
        for (Map.Entry<String, String> q : questions.entrySet()) {
            check(q.getKey() + ".json", given().auth().oauth2(analyst).accept("application/json").get(q.getValue()));
            if (!q.getKey().startsWith("overview") && !q.getKey().equals("fact")) {
                check(q.getKey() + ".csv", given().auth().oauth2(analyst).accept("text/csv").get(q.getValue()));
            }
        }
    }

    private static void check(String name, Response response) throws IOException {
        String actual = response.statusCode() + " " + response.contentType() + "\n" + response.asString();
        Path file = FIXTURES.resolve(name);
        if (Boolean.getBoolean("answerFixtures.write")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = StatsAnswersTest.class.getResourceAsStream("/answers/" + name)) {
            assertEquals(in == null ? "(no fixture " + name + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    actual, name);
        }
    }
}
