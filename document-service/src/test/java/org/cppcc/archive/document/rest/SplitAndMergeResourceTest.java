package org.cppcc.archive.document.rest;

import static io.restassured.RestAssured.given;
import static org.cppcc.archive.document.support.KeycloakTokens.admin;
import static org.cppcc.archive.document.support.KeycloakTokens.editor;
import static org.cppcc.archive.document.support.KeycloakTokens.reader;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.cppcc.archive.document.support.Speeches;
import org.cppcc.archive.document.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * POST /api/v1/speeches/{id}/split and /merge (admin): fixing what the parser got wrong without a re-import. One
 * transaction each, in the history and the change feed, order numbers kept consecutive, exact problems.
 */
@QuarkusTest
class SplitAndMergeResourceTest {

    static final String SPEECHES = "/api/v1/speeches";

    @Inject
    TestDatabase db;

    long compilationId;
    long first;
    long second;
    long third;

    @BeforeEach
    void setUp() {
        db.clean();
        compilationId = db.compilation("拆分合并");
        first = create(1, "夯实履职基础提升履职质效");
        second = create(2, "第二篇");
        third = create(3, "第三篇");
    }

    long create(int order, String title) {
        return given().auth().oauth2(editor()).contentType("application/json")
                .body(Speeches.input(compilationId, order, title)).post(SPEECHES)
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Map<String, Object> splitAt(String at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", at);
        body.put("title", "发挥专门协商机构作用助推自贡高质量发展");
        body.put("committee", "政协自贡市委员会");
        return body;
    }

    static Response split(long id, String ifMatch, Object body) {
        var request = given().auth().oauth2(admin()).contentType("application/json").body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post(SPEECHES + "/" + id + "/split");
    }

    static Response merge(long id, String ifMatch, long next, String nextEtag) {
        return given().auth().oauth2(admin()).contentType("application/json").header("If-Match", ifMatch)
                .body(Map.of("speechId", next, "etag", nextEtag)).post(SPEECHES + "/" + id + "/merge");
    }

    static String etag(long id, int version) {
        return "\"" + id + "-v" + version + "\"";
    }

    List<Integer> orders() {
        return given().auth().oauth2(reader()).get("/api/v1/compilations/" + compilationId)
                .then().statusCode(200).extract().path("speeches.order");
    }

    /** (speechId, version, type) of the feed entries after {@code cursor}. */
    static Set<String> changesAfter(long cursor) {
        JsonPath page = given().auth().oauth2(reader()).queryParam("after", cursor).get("/api/v1/changes")
                .then().statusCode(200).extract().jsonPath();
        return page.<Map<String, Object>>getList("items").stream()
                .map(i -> i.get("speechId") + "-v" + i.get("version") + " " + i.get("type"))
                .collect(Collectors.toSet());
    }

    @Test
    void splittingInsideASectionMakesTheRestANewSpeechRightAfterIt() {
        long head = db.feedHead();
        Response r = split(first, etag(first, 1), splitAt("p-2"));
        r.then().statusCode(201).contentType("application/json")
                .header("Location", endsWith(SPEECHES + "/" + r.path("second.id")))
                .body("first.id", equalTo((int) first)).body("first.version", equalTo(2))
                .body("first.lead", contains("近年来,成都市政协坚持党的领导。"))
                .body("first.sections.heading", contains("强引领,把准履职方向"))
                .body("first.sections[0].paragraphs.text", contains("镇级协商平台46个、村级平台23个。"))
                .body("first.outline", contains("一、强引领", "二、夯基础"))
                .body("second.order", equalTo(2)).body("second.version", equalTo(1))
                .body("second.committee", equalTo("政协自贡市委员会"))
                .body("second.region", equalTo("自贡市")).body("second.regionCode", equalTo("510300"))
                .body("second.title", equalTo("发挥专门协商机构作用助推自贡高质量发展"))
                .body("second.lead", contains("1788名委员全部划入10个工作组。"))
                .body("second.sections.heading", contains("夯基础"))
                .body("second.sections[0].paragraphs.id", contains("p-1"))
                .body("second.sections[0].paragraphs.text", contains("第三段。"))
                .body("second.bodyAvailable", equalTo(true));
        long created = r.jsonPath().getLong("second.id");

        assertEquals(List.of(1, 2, 3, 4), orders());
        given().auth().oauth2(reader()).get(SPEECHES + "/" + second).then().body("order", equalTo(3))
                .body("version", equalTo(2));
        assertEquals(Set.of(first + "-v2 upsert", created + "-v1 upsert", second + "-v2 upsert", third + "-v2 upsert"),
                changesAfter(head), "one feed entry per new version, nothing else");
        given().auth().oauth2(reader()).get(SPEECHES + "/" + first + "/history").then()
                .body("action", contains("create", "update")).body("[1].summary", containsString("split at p-2"))
                .body("[1].actor", equalTo("ops"));
        given().auth().oauth2(reader()).get(SPEECHES + "/" + created + "/history").then()
                .body("action", contains("create")).body("[0].summary", containsString("split from speech " + first));
        given().auth().oauth2(reader()).get(SPEECHES + "/" + second + "/history").then()
                .body("[1].summary", containsString("renumbered #2 → #3"));
    }

    @Test
    void splittingAtTheFirstParagraphOfASectionTakesItsHeadingAlong() {
        Map<String, Object> withSubtitleAndDate = splitAt("p-3");
        withSubtitleAndDate.put("subtitle", "——在全省政协工作经验交流会上的发言");
        withSubtitleAndDate.put("date", "2021-09-28");
        split(first, etag(first, 1), withSubtitleAndDate).then().statusCode(201)
                .body("second.subtitle", equalTo("——在全省政协工作经验交流会上的发言"))
                .body("second.date", equalTo("2021-09-28"))
                .body("first.sections.heading", contains("强引领,把准履职方向"))
                .body("first.sections[0].paragraphs.id", contains("p-1", "p-2"))
                .body("second.lead", equalTo(List.of()))
                .body("second.sections.heading", contains("夯基础"));
        Map<String, Object> leadSplit = splitAt("lead-1");
        split(second, etag(second, 2), leadSplit).then().statusCode(400)
                .body("violations.field", contains("at"));
    }

    @Test
    void mergingTheSpeechThatFollowsUndoesASplitExactly() {
        Map<String, Object> before = given().auth().oauth2(reader()).get(SPEECHES + "/" + first).jsonPath().getMap("");
        long created = split(first, etag(first, 1), splitAt("p-2")).jsonPath().getLong("second.id");
        long head = db.feedHead();

        merge(first, etag(first, 2), created, etag(created, 1)).then().statusCode(200)
                .header("ETag", equalTo(etag(first, 3)))
                .body("version", equalTo(3))
                .body("lead", equalTo(before.get("lead")))
                .body("sections", equalTo(before.get("sections")))
                .body("outline", equalTo(before.get("outline")));
        given().auth().oauth2(reader()).get(SPEECHES + "/" + created).then().statusCode(410);
        assertEquals(List.of(1, 2, 3), orders());
        assertEquals(Set.of(first + "-v3 upsert", created + "-v2 delete", second + "-v3 upsert", third + "-v3 upsert"),
                changesAfter(head));
        given().auth().oauth2(reader()).get(SPEECHES + "/" + created + "/history").then()
                .body("action", contains("create", "delete"))
                .body("[1].summary", containsString("merged into speech " + first));
        given().auth().oauth2(reader()).get(SPEECHES + "/" + first + "/history").then()
                .body("[2].summary", containsString("merged speech " + created));
    }

    @Test
    void splitAndMergeNeedIfMatch_missingIs428_staleIs412_andChangeNothing() {
        split(first, null, splitAt("p-2")).then().statusCode(428).contentType("application/problem+json");
        split(first, etag(first, 7), splitAt("p-2")).then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(admin()).contentType("application/json")
                .body(Map.of("speechId", second, "etag", etag(second, 1))).post(SPEECHES + "/" + first + "/merge")
                .then().statusCode(428).contentType("application/problem+json");
        merge(first, etag(first, 1), second, etag(second, 5)).then().statusCode(412)
                .contentType("application/problem+json").body("detail", containsString("Speech " + second));
        merge(first, etag(first, 3), second, etag(second, 1)).then().statusCode(412);
        assertEquals(List.of(1, 2, 3), orders());
        assertEquals(3, db.count("change_event"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"at\": \"p-2\"}", "{\"at\": \"p-0\", \"title\": \"t\", \"committee\": \"c\"}",
            "{\"at\": \"p-2'; DROP TABLE speech; --\", \"title\": \"t\", \"committee\": \"c\"}",
            "{\"at\": 2, \"title\": \"t\", \"committee\": \"c\"}", "{\"at\": \"p-2\", \"title\": \"t\", \"committee\": \"c\", \"x\": 1}",
            "{\"at\": \"p-2\", \"title\": \"t\", \"committee\": \"c\", \"speakerKind\": \"king\"}",
            "{\"at\": \"p-99\", \"title\": \"t\", \"committee\": \"c\"}", "{\"at\": \"lead-2\", \"title\": \"t\", \"committee\": \"c\"}",
            "{\"at\": \"lead-1\", \"title\": \"t\", \"committee\": \"c\"}", "[1, 2]", "{\"at\": ", "null" })
    void hostileSplitBodiesAre400ProblemsAndChangeNothing(String body) {
        split(first, etag(first, 1), body).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400));
        assertEquals(3, db.count("change_event"));
        assertEquals(3, db.count("speech"));
    }

    @Test
    void anUnknownParagraphNamesTheFieldAt() {
        split(first, etag(first, 1), splitAt("p-99")).then().statusCode(400)
                .body("violations.field", contains("at"))
                .body("detail", equalTo("Speech " + first + " has no paragraph p-99."));
    }

    @Test
    void aMissingOrDeletedSpeechIs404Or410() {
        split(999999, etag(999999, 1), splitAt("p-2")).then().statusCode(404).contentType("application/problem+json");
        merge(first, etag(first, 1), 999999, etag(999999, 1)).then().statusCode(404);
        given().auth().oauth2(editor()).header("If-Match", etag(third, 1)).delete(SPEECHES + "/" + third)
                .then().statusCode(204);
        split(third, "*", splitAt("p-2")).then().statusCode(410).contentType("application/problem+json");
        merge(second, etag(second, 1), third, "*").then().statusCode(410);
    }

    @Test
    void onlyTheSpeechRightAfterInTheSameCompilationCanBeMerged() {
        merge(first, etag(first, 1), third, etag(third, 1)).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("speechId"))
                .body("detail", containsString("the speech that does is " + second));
        merge(second, etag(second, 1), first, etag(first, 1)).then().statusCode(400);
        merge(third, etag(third, 1), first, etag(first, 1)).then().statusCode(400)
                .body("detail", containsString("the last of its compilation"));
        merge(first, etag(first, 1), first, etag(first, 1)).then().statusCode(400)
                .body("detail", containsString("itself"));
        long other = db.compilation("另一汇编");
        long stranger = given().auth().oauth2(editor()).contentType("application/json")
                .body(Speeches.input(other, 1, "别处的")).post(SPEECHES).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        merge(third, etag(third, 1), stranger, etag(stranger, 1)).then().statusCode(400)
                .body("detail", containsString("only speeches of one compilation"));
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", etag(first, 1))
                .body("{\"speechId\": \"two\", \"etag\": \"x\"}").post(SPEECHES + "/" + first + "/merge")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", etag(first, 1))
                .body("{\"speechId\": " + second + "}").post(SPEECHES + "/" + first + "/merge")
                .then().statusCode(400).body("violations.field", hasItem("input.etag"));
        assertEquals(List.of(1, 2, 3), orders());
    }

    @Test
    void splitAndMergeNeedTheAdminRole() {
        for (String token : List.of(editor(), reader())) {
            given().auth().oauth2(token).contentType("application/json").header("If-Match", etag(first, 1))
                    .body(splitAt("p-2")).post(SPEECHES + "/" + first + "/split")
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).contentType("application/json").header("If-Match", etag(first, 1))
                    .body(Map.of("speechId", second, "etag", etag(second, 1))).post(SPEECHES + "/" + first + "/merge")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType("application/json").header("If-Match", etag(first, 1)).body(splitAt("p-2"))
                .post(SPEECHES + "/" + first + "/split").then().statusCode(401);
        assertEquals(List.of(1, 2, 3), orders());
    }
}
