package org.cppcc.archive.document.rest;

import static io.restassured.RestAssured.given;
import static org.cppcc.archive.document.support.KeycloakTokens.admin;
import static org.cppcc.archive.document.support.KeycloakTokens.editor;
import static org.cppcc.archive.document.support.KeycloakTokens.reader;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.cppcc.archive.document.support.Speeches;
import org.cppcc.archive.document.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** /api/v1/speeches: CRUD, ETags and preconditions, lists, history, export, exact Chinese text. */
@QuarkusTest
class SpeechResourceTest {

    static final String SPEECHES = "/api/v1/speeches";

    @Inject
    TestDatabase db;

    long compilationId;

    @BeforeEach
    void clean() {
        db.clean();
        compilationId = db.compilation("测试汇编");
    }

    Response create(Map<String, Object> body) {
        return given().auth().oauth2(editor()).contentType("application/json").body(body).post(SPEECHES);
    }

    long createdId(Map<String, Object> body) {
        return create(body).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void createThenReadReturnsTheSpeechWithEtagAnchorsAndRegion() {
        Response created = create(Speeches.input(compilationId, 1, "夯实履职基础提升履职质效"));
        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/speeches/\\d+"))
                .header("ETag", matchesPattern("\"\\d+-v1\""))
                .body("version", equalTo(1))
                .body("createdBy", equalTo("test-editor"));
        long id = created.jsonPath().getLong("id");
        given().auth().oauth2(reader()).get(SPEECHES + "/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"" + id + "-v1\""))
                .body("committee", equalTo("政协成都市委员会"))
                .body("region", equalTo("成都市"))
                .body("regionCode", equalTo("510100"))
                .body("level", equalTo("prefecture-city"))
                .body("compilationId", equalTo((int) compilationId))
                .body("sections[0].heading", equalTo("强引领,把准履职方向"))
                .body("sections[0].paragraphs.id", contains("p-1", "p-2"))
                .body("sections[1].paragraphs.id", contains("p-3"))
                .body("sections[1].paragraphs[0].text", equalTo("第三段。"));
    }

    @Test
    void ifNoneMatchWithTheCurrentEtagAnswers304() {
        long id = createdId(Speeches.input(compilationId, 1, "标题"));
        given().auth().oauth2(reader()).header("If-None-Match", "\"" + id + "-v1\"").get(SPEECHES + "/" + id)
                .then().statusCode(304).header("ETag", equalTo("\"" + id + "-v1\""));
        given().auth().oauth2(reader()).header("If-None-Match", "\"" + id + "-v0\"").get(SPEECHES + "/" + id)
                .then().statusCode(200);
    }

    @Test
    void updateNeedsIfMatch_missingIs428_staleIs412_currentBumpsTheVersion() {
        long id = createdId(Speeches.input(compilationId, 1, "旧标题"));
        Map<String, Object> change = Speeches.input(compilationId, 1, "新标题");
        given().auth().oauth2(editor()).contentType("application/json").body(change).put(SPEECHES + "/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(editor()).contentType("application/json").header("If-Match", "\"" + id + "-v7\"")
                .body(change).put(SPEECHES + "/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(editor()).contentType("application/json").header("If-Match", "\"" + id + "-v1\"")
                .body(change).put(SPEECHES + "/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"" + id + "-v2\""))
                .body("version", equalTo(2)).body("title", equalTo("新标题"));
        given().auth().oauth2(editor()).contentType("application/json").header("If-Match", "\"" + id + "-v1\"")
                .body(change).put(SPEECHES + "/" + id).then().statusCode(412);
    }

    @Test
    void correctingTheCommitteeResolvesItsRegionAgain_andARegionCodeAloneFillsInTheRest() {
        long id = createdId(Speeches.input(compilationId, 1, "夯实履职基础提升履职质效"));
        Map<String, Object> change = Speeches.input(compilationId, 1, "夯实履职基础提升履职质效");
        change.put("committee", "政协自贡市委员会");
        change.put("speakerKind", "committee");
        given().auth().oauth2(editor()).contentType("application/json").header("If-Match", "\"" + id + "-v1\"")
                .body(change).put(SPEECHES + "/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"" + id + "-v2\""))
                .body("committee", equalTo("政协自贡市委员会"))
                .body("region", equalTo("自贡市")).body("regionCode", equalTo("510300"))
                .body("level", equalTo("prefecture-city")).body("parentRegion", equalTo("四川省"));
        change.put("regionCode", "510104");
        given().auth().oauth2(editor()).contentType("application/json").header("If-Match", "\"" + id + "-v2\"")
                .body(change).put(SPEECHES + "/" + id)
                .then().statusCode(200)
                .body("region", equalTo("锦江区")).body("regionCode", equalTo("510104"))
                .body("level", equalTo("district")).body("parentRegion", equalTo("成都市"));
        given().auth().oauth2(editor()).contentType("application/json").header("If-Match", "\"" + id + "-v2\"")
                .body(change).put(SPEECHES + "/" + id).then().statusCode(412);
        given().auth().oauth2(reader()).get(SPEECHES + "/" + id + "/history").then()
                .body("[1].summary", equalTo("changed committee, region"))
                .body("[2].summary", equalTo("changed region"));
        given().auth().oauth2(reader()).queryParam("committee", "政协自贡市委员会").get(SPEECHES)
                .then().body("total", equalTo(1)).body("items[0].region", equalTo("锦江区"));
    }

    /** 朝阳区 exists in Beijing and in Changchun: a Beijing compilation's speech means Beijing's, a Jilin one's Changchun's. */
    @Test
    void aCommitteeNamedAmbiguouslyResolvesWithinTheCompilationsProvince() {
        long beijing = db.compilation("北京汇编", "北京市", "110000");
        Map<String, Object> body = Speeches.input(beijing, 1, "“朝阳协商”让居民成为社区治理的主角");
        body.put("committee", "朝阳区政协");
        create(body).then().statusCode(201).body("regionCode", equalTo("110105")).body("parentRegion", equalTo("北京市"));
        long jilin = db.compilation("吉林汇编", "吉林省", "220000");
        body.put("compilationId", jilin);
        create(body).then().statusCode(201).body("regionCode", equalTo("220104")).body("parentRegion", equalTo("长春市"));
    }

    @Test
    void theSubtitleAndDateOfASpeechAreStoredEditedAndInItsHistory() {
        Map<String, Object> body = Speeches.input(compilationId, 1, "做好“茶”文章助力乡村振兴");
        body.put("subtitle", "——在全市政协工作推进会上的发言");
        body.put("date", "2022-11-10");
        long id = createdId(body);
        given().auth().oauth2(reader()).get(SPEECHES + "/" + id).then().statusCode(200)
                .body("subtitle", equalTo("——在全市政协工作推进会上的发言")).body("date", equalTo("2022-11-10"));
        given().auth().oauth2(reader()).queryParam("compilationId", compilationId).get(SPEECHES).then()
                .body("items[0].subtitle", equalTo("——在全市政协工作推进会上的发言"))
                .body("items[0].date", equalTo("2022-11-10"));
        body.put("date", "2022-13-01");
        given().auth().oauth2(editor()).contentType("application/json").header("If-Match", "\"" + id + "-v1\"")
                .body(body).put(SPEECHES + "/" + id).then().statusCode(400).contentType("application/problem+json");
        body.remove("subtitle");
        body.remove("date");
        given().auth().oauth2(editor()).contentType("application/json").header("If-Match", "\"" + id + "-v1\"")
                .body(body).put(SPEECHES + "/" + id).then().statusCode(200)
                .body("subtitle", nullValue()).body("date", nullValue());
        given().auth().oauth2(reader()).get(SPEECHES + "/" + id + "/history").then()
                .body("[1].summary", equalTo("changed subtitle, date"));
    }

    @Test
    void twoConcurrentUpdatesWithTheSameIfMatch_exactlyOneWins() throws Exception {
        String token = editor();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long id = createdId(Speeches.input(compilationId, round + 1, "并发" + round));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (int writer = 0; writer < 2; writer++) {
                    Map<String, Object> body = Speeches.input(compilationId, round + 1, "写者" + writer);
                    results.add(pool.submit(() -> {
                        start.await();
                        return given().auth().oauth2(token).contentType("application/json")
                                .header("If-Match", "\"" + id + "-v1\"").body(body).put(SPEECHES + "/" + id)
                                .statusCode();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : results) {
                    statuses.add(f.get());
                }
                Collections.sort(statuses);
                assertEquals(List.of(200, 412), statuses, "round " + round);
                given().auth().oauth2(reader()).get(SPEECHES + "/" + id).then().body("version", equalTo(2));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deleteIsSoft_needsIfMatch_hidesTheSpeech_andKeepsItsHistory() {
        long id = createdId(Speeches.input(compilationId, 1, "将被删除"));
        given().auth().oauth2(editor()).delete(SPEECHES + "/" + id).then().statusCode(428);
        given().auth().oauth2(editor()).contentType("application/json").header("If-Match", "\"" + id + "-v1\"")
                .body(Speeches.input(compilationId, 1, "改过")).put(SPEECHES + "/" + id).then().statusCode(200);
        given().auth().oauth2(editor()).header("If-Match", "\"" + id + "-v2\"").delete(SPEECHES + "/" + id)
                .then().statusCode(204);
        given().auth().oauth2(reader()).get(SPEECHES + "/" + id)
                .then().statusCode(410).contentType("application/problem+json");
        given().auth().oauth2(reader()).get(SPEECHES).then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(editor()).header("If-Match", "*").delete(SPEECHES + "/" + id).then().statusCode(410);
        given().auth().oauth2(reader()).get(SPEECHES + "/" + id + "/history")
                .then().statusCode(200)
                .body("action", contains("create", "update", "delete"))
                .body("version", contains(1, 2, 3))
                .body("actor", contains("test-editor", "test-editor",
                        "test-editor"))
                .body("[1].summary", containsString("title"));
    }

    @Test
    void listFiltersPagesAndSorts() {
        for (int i = 1; i <= 5; i++) {
            createdId(Speeches.input(compilationId, i, "标题" + i));
        }
        Map<String, Object> county = Speeches.input(compilationId, 6, "创新机制抓落实深入推进“双助”活动");
        county.put("committee", "政协武胜县委员会");
        county.put("bodyAvailable", false);
        createdId(county);
        given().auth().oauth2(reader()).queryParam("size", 2).queryParam("page", 1).get(SPEECHES)
                .then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(2)).body("total", equalTo(6))
                .body("items.order", contains(3, 4))
                .body("items[0].compilationId", equalTo((int) compilationId));
        given().auth().oauth2(reader()).queryParam("sort", "-order").get(SPEECHES)
                .then().body("items.order", contains(6, 5, 4, 3, 2, 1));
        given().auth().oauth2(reader()).queryParam("level", "county").get(SPEECHES)
                .then().body("total", equalTo(1)).body("items[0].region", equalTo("武胜县"))
                .body("items[0].bodyAvailable", equalTo(false));
        given().auth().oauth2(reader()).queryParam("bodyAvailable", "true").queryParam("regionCode", "510100")
                .get(SPEECHES).then().body("total", equalTo(5));
        given().auth().oauth2(reader()).queryParam("committee", "政协武胜县委员会").get(SPEECHES)
                .then().body("total", equalTo(1));
        given().auth().oauth2(reader()).queryParam("compilationId", compilationId + 1000).get(SPEECHES)
                .then().body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void chineseTextRoundTripsByteExact() {
        String text = "镇级协商平台46个、村级平台23个;“有事来协商”——37.3%提升到57.1%。全角:,。半角:,. 〇 𠀀 e\u0301 \u00e9 ＡＢＣ";
        Map<String, Object> body = Speeches.input(compilationId, 1, "“双助”活动(2021)");
        body.put("lead", List.of(text));
        long id = createdId(body);
        byte[] raw = given().auth().oauth2(reader()).get(SPEECHES + "/" + id).then().statusCode(200)
                .extract().asByteArray();
        String json = new String(raw, StandardCharsets.UTF_8);
        assertTrue(json.contains(text), () -> "the exact UTF-8 bytes of the lead are in the response: " + json);
        assertTrue(json.contains("“双助”活动(2021)"));
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8),
                given().auth().oauth2(reader()).get(SPEECHES + "/" + id).jsonPath().getString("lead[0]")
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void exportStreamsOneFullSpeechPerLineAsNdjson() throws Exception {
        long other = db.compilation("另一汇编");
        for (int i = 1; i <= 3; i++) {
            createdId(Speeches.input(compilationId, i, "导出" + i));
        }
        createdId(Speeches.input(other, 1, "别的"));
        String all = given().auth().oauth2(reader()).get("/api/v1/export")
                .then().statusCode(200).contentType(containsString("application/x-ndjson")).extract().asString();
        String[] lines = all.strip().split("\n");
        assertEquals(4, lines.length);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        assertEquals("导出1", first.get("title").asText());
        assertEquals("p-1", first.get("sections").get(0).get("paragraphs").get(0).get("id").asText());
        String one = given().auth().oauth2(reader()).queryParam("compilationId", other).get("/api/v1/export")
                .then().statusCode(200).extract().asString();
        assertEquals(1, one.strip().split("\n").length);
        given().auth().oauth2(reader()).queryParam("compilationId", 99999999).get("/api/v1/export")
                .then().statusCode(404);
    }

    @Test
    void anUnknownCompilationIsRefused() {
        create(Speeches.input(compilationId + 1000, 1, "无主")).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("compilationId"));
    }

    @Test
    void adminMayWriteToo() {
        given().auth().oauth2(admin()).contentType("application/json")
                .body(Speeches.input(compilationId, 1, "管理员")).post(SPEECHES).then().statusCode(201);
    }
}
