package org.cppcc.archive.document.rest;

import static io.restassured.RestAssured.given;
import static org.cppcc.archive.document.support.KeycloakTokens.editor;
import static org.cppcc.archive.document.support.KeycloakTokens.reader;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.cppcc.archive.document.support.Speeches;
import org.cppcc.archive.document.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET /api/v1/changes: complete, ordered, gap-free under concurrent writers; long-polling. */
@QuarkusTest
class ChangeFeedResourceTest {

    static final String CHANGES = "/api/v1/changes";

    @Inject
    TestDatabase db;

    long compilationId;
    long start;

    @BeforeEach
    void clean() {
        db.clean();
        compilationId = db.compilation("变更源");
        start = db.feedHead();
    }

    long create(String token, int order) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Speeches.input(compilationId, order, "标题" + order)).post("/api/v1/speeches")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aConsumerFollowingTheCursorSeesEveryChangeOnceInOrderWithoutVersionGaps() throws Exception {
        String token = editor();
        int writers = 6;
        int updatesEach = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int order = w + 1;
            done.add(pool.submit(() -> {
                long id = create(token, order);
                int writes = 1;
                for (int v = 1; v <= updatesEach; v++) {
                    given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"" + id + "-v" + v + "\"")
                            .body(Speeches.input(compilationId, order, "版本" + (v + 1))).put("/api/v1/speeches/" + id)
                            .then().statusCode(200);
                    writes++;
                }
                if (order % 2 == 0) {
                    given().auth().oauth2(token).header("If-Match", "\"" + id + "-v" + (updatesEach + 1) + "\"")
                            .delete("/api/v1/speeches/" + id).then().statusCode(204);
                    writes++;
                }
                return writes;
            }));
        }
        // A consumer follows the feed while the writers are still running.
        List<Map<String, Object>> seen = new ArrayList<>();
        long cursor = start;
        int expected = 0;
        pool.shutdown();
        while (true) {
            // Read before the page: writers that finish while it is read may commit after it.
            boolean writersDone = pool.isTerminated();
            JsonPath page = given().auth().oauth2(reader()).queryParam("after", cursor).queryParam("limit", 7)
                    .get(CHANGES).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            seen.addAll(items);
            long next = page.getLong("next");
            long head = page.getLong("head");
            assertTrue(head >= next, "head " + head + " is never behind next " + next);
            if (!items.isEmpty()) {
                assertEquals(((Number) items.get(items.size() - 1).get("cursor")).longValue(), next);
            } else {
                assertEquals(cursor, next);
            }
            cursor = next;
            if (items.isEmpty() && writersDone) {
                break;
            }
        }
        for (Future<Integer> f : done) {
            expected += f.get();
        }
        assertTrue(pool.awaitTermination(1, TimeUnit.SECONDS));
        assertEquals(expected, seen.size(), "every committed change is seen once");
        JsonPath last = given().auth().oauth2(reader()).queryParam("after", cursor).get(CHANGES).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(cursor, last.getLong("head"), "once caught up, head is the last cursor seen");
        assertEquals(db.feedHead(), last.getLong("head"));

        long previous = start;
        Map<Long, Long> lastVersion = new HashMap<>();
        Set<String> unique = new HashSet<>();
        for (Map<String, Object> item : seen) {
            long c = ((Number) item.get("cursor")).longValue();
            assertTrue(c > previous, "cursors strictly increase");
            previous = c;
            long speechId = ((Number) item.get("speechId")).longValue();
            long version = ((Number) item.get("version")).longValue();
            assertTrue(unique.add(speechId + "/" + version), "no duplicate " + speechId + "/" + version);
            assertEquals(lastVersion.getOrDefault(speechId, 0L) + 1, version, "no version gap for " + speechId);
            lastVersion.put(speechId, version);
            @SuppressWarnings("unchecked")
            Map<String, Object> speech = (Map<String, Object>) item.get("speech");
            if ("delete".equals(item.get("type"))) {
                assertNull(speech);
            } else {
                assertEquals("upsert", item.get("type"));
                assertNotNull(speech);
                assertEquals(version, ((Number) speech.get("version")).longValue(), "snapshot of that version");
                assertEquals(speechId, ((Number) speech.get("id")).longValue());
            }
        }
        assertEquals(writers, lastVersion.size());
    }

    @Test
    void aDeleteAppearsAsADeleteWithoutSpeech() {
        long id = create(editor(), 1);
        given().auth().oauth2(editor()).header("If-Match", "\"" + id + "-v1\"").delete("/api/v1/speeches/" + id)
                .then().statusCode(204);
        given().auth().oauth2(reader()).queryParam("after", start).get(CHANGES).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].type", equalTo("upsert"))
                .body("items[0].speech.title", equalTo("标题1"))
                .body("items[1].type", equalTo("delete"))
                .body("items[1].version", equalTo(2))
                .body("items[1].speech", nullValue());
    }

    @Test
    void headIsTheNewestCommittedCursorWhateverPageIsRead() {
        given().auth().oauth2(reader()).queryParam("after", start).get(CHANGES).then().statusCode(200)
                .body("items", hasSize(0)).body("next", equalTo((int) start)).body("head", equalTo((int) start));
        long first = create(editor(), 1);
        create(editor(), 2);
        create(editor(), 3);
        long head = db.feedHead();
        assertEquals(start + 3, head);
        // a page that stops short of the head: the consumer lags head - next changes
        JsonPath page = given().auth().oauth2(reader()).queryParam("after", start).queryParam("limit", 1).get(CHANGES)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(first, page.getLong("items[0].speechId"));
        assertEquals(start + 1, page.getLong("next"));
        assertEquals(head, page.getLong("head"));
        // the last page and an empty page after it both report the same head
        given().auth().oauth2(reader()).queryParam("after", start + 1).get(CHANGES).then().statusCode(200)
                .body("items", hasSize(2)).body("next", equalTo((int) head)).body("head", equalTo((int) head));
        given().auth().oauth2(reader()).queryParam("after", head).get(CHANGES).then().statusCode(200)
                .body("items", hasSize(0)).body("next", equalTo((int) head)).body("head", equalTo((int) head));
    }

    @Test
    void aLongPollReturnsAsSoonAsAChangeIsCommitted() throws Exception {
        String token = reader();
        long t0 = System.nanoTime();
        CompletableFuture<JsonPath> poll = CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                .queryParam("after", start).queryParam("wait", 20).get(CHANGES)
                .then().statusCode(200).extract().jsonPath());
        Thread.sleep(700);
        assertTrue(!poll.isDone(), "nothing to return yet: the poll waits");
        long id = create(editor(), 1);
        JsonPath page = poll.get(10, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(millis < 10_000, "returned early, after " + millis + " ms");
        assertEquals(1, page.getList("items").size());
        assertEquals(id, page.getLong("items[0].speechId"));
    }

    @Test
    void aLongPollWithNothingNewReturnsAnEmptyPageAfterTheWait() {
        long t0 = System.nanoTime();
        given().auth().oauth2(reader()).queryParam("after", start).queryParam("wait", 1).get(CHANGES)
                .then().statusCode(200).body("items", hasSize(0)).body("next", equalTo((int) start))
                .body("head", equalTo((int) start));
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(900));
    }
}
