package org.cppcc.archive.system.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.cppcc.archive.system.Keycloak;
import org.cppcc.archive.system.SystemUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Two packaged stats-services sharing one MongoDB-wire server over TCP (mongo-java-server, as the embedded default
 * runs it, here in this JVM so that it outlives the services), following the shared system's document-service: one
 * holds the consumer lease and applies the feed, the other answers from what the first stores. Killed with SIGKILL
 * while changes arrive, the consumer's lease passes to the other, which applies the rest; at the end the shared
 * store holds every fact exactly once, the same facts as the shared system's own stats-service (a single consumer on
 * a store of its own) extracted from the same feed.
 */
@EnabledIfSystemProperty(named = "replicas", matches = "true", disabledReason = "a command of its own with the other "
        + "tests of several replicas (deploy/test -Dreplicas=true ..., which .ci/run runs after deploy/test), so that "
        + "deploy/test stays within its 15 minutes")
class StatsReplicasIT {

    static final ObjectMapper JSON = new ObjectMapper();
    /** A prefecture neither the seed nor the other stats tests have speeches from. */
    static final String COMMITTEE = "政协雅安市委员会";
    static final String REGION = "雅安市";
    /** Bounds of the eventual states waited for; none is asserted as a duration. */
    static final Duration BOUND = Duration.ofSeconds(90);

    record Replica(String name, int port, Process process) {
        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    private static SystemUnderTest system;
    private static MongoServer mongo;
    private static final List<Replica> replicas = new ArrayList<>();
    private static final List<Long> created = new ArrayList<>();
    private static long compilationId;

    @BeforeAll
    static void start() throws Exception {
        system = SystemUnderTest.get();
        mongo = new MongoServer(H2Backend.inMemory());
        mongo.bind("127.0.0.1", SystemUnderTest.freePort());
        InetSocketAddress address = mongo.getLocalAddress();
        String uri = "mongodb://127.0.0.1:" + address.getPort() + "/stats";
        for (String name : List.of("stats-a", "stats-b")) {
            int port = SystemUnderTest.freePort();
            Map<String, String> env = new LinkedHashMap<>();
            env.put("STATS_MONGODB_URI", uri);
            env.put("STATS_PORT", Integer.toString(port));
            env.put("STATS_MANAGEMENT_PORT", Integer.toString(SystemUnderTest.freePort()));
            replicas.add(new Replica(name, port,
                    system.startInstance("stats-service", name, "http://127.0.0.1:" + port, env)));
        }
        compilationId = get(system.gatewayUrl(), Keycloak.portalToken(), "/api/v1/speeches?size=1").path("items")
                .path(0).path("compilationId").asLong();
        assertTrue(compilationId > 0, "the seed compilation is there");
    }

    @AfterAll
    static void stop() {
        try {
            for (long id : created) {
                deleteIfLive(id);
            }
        } finally {
            for (Replica r : replicas) {
                r.process().destroy();
            }
            for (Replica r : replicas) {
                try {
                    r.process().waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (mongo != null) {
                mongo.shutdownNow();
            }
        }
    }

    @Test
    void oneConsumesTheOtherAnswersAndTakesOverWhenTheConsumerIsKilledWithEveryFactOnce() throws Exception {
        Replica holder = awaitOneHolder(replicas);
        Replica standby = other(holder);
        awaitStatus(holder, s -> caughtUp(s));
        JsonNode standbyStatus = status(standby);
        assertFalse(standbyStatus.path("leaseHeld").asBoolean(), standbyStatus.toString());
        assertFalse(standbyStatus.path("feedRunning").asBoolean(), "it waits for its turn: " + standbyStatus);

        // a write is applied by the holder and reflected in the other's answers
        long a = create(speech(301, "今年以来,全市建成村级协商平台21个,镇级协商平台4个。"));
        awaitPlatforms(standby, 21, 4);
        awaitPlatforms(holder, 21, 4);

        // changes arriving while the consumer is killed
        long b = create(speech(302, "组织委员专题培训6次。"));
        update(a, 1, speech(301, "今年以来,全市建成村级协商平台25个,镇级协商平台5个。", "组织委员专题培训4次。"));
        long c = create(speech(303, "建成村级协商平台77个。"));
        holder.process().destroyForcibly();
        holder.process().waitFor();
        long killedAt = System.nanoTime();
        deleteIfLive(c);
        update(b, 1, speech(302, "组织委员专题培训7次。"));
        long d = create(speech(304, "建成镇级协商平台3个,村级协商平台8个。"));

        JsonNode taken = awaitStatus(standby, s -> s.path("leaseHeld").asBoolean());
        System.out.printf("stats lease taken over %d ms after SIGKILL of its holder (lease 10 s, renewal 3 s): %s%n",
                (System.nanoTime() - killedAt) / 1_000_000, taken);
        JsonNode caughtUp = awaitStatus(standby, s -> caughtUp(s));
        assertEquals(feedHead(), caughtUp.path("feedCursor").asLong(), caughtUp.toString());
        awaitPlatforms(standby, 25 + 8, 5 + 3);

        // every fact once, as a single consumer extracts them from the same feed
        awaitSingleConsumerCaughtUp();
        Map<String, String> shared = allFacts(standby.url());
        Map<String, String> single = allFacts(system.gatewayUrl());
        assertEquals(single.keySet(), shared.keySet(), "the same facts");
        assertEquals(single, shared, "with the same fields");
        assertEquals(shared.size(), status(standby).path("facts").asLong(),
                "no fact stored twice, none left over from a version or a speech since replaced: " + status(standby));
        for (long id : List.of(a, b, d)) {
            assertFalse(facts(standby.url(), "speechId=" + id).isEmpty(), "speech " + id);
        }
        assertEquals(List.of(), facts(standby.url(), "speechId=" + c), "the deleted speech left nothing");
    }

    // ---- the replicas ---------------------------------------------------------------------------------------

    /** Waits until exactly one replica holds the lease (and every one answers) and returns it. */
    static Replica awaitOneHolder(List<Replica> among) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        List<String> last = List.of();
        while (System.nanoTime() < deadline) {
            List<Replica> holders = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            for (Replica r : among) {
                JsonNode s = status(r);
                seen.add(r.name() + ": " + s);
                if (s.path("leaseHeld").asBoolean()) {
                    holders.add(r);
                }
            }
            assertTrue(holders.size() <= 1, "two holders at once: " + seen);
            if (holders.size() == 1) {
                return holders.get(0);
            }
            last = seen;
            Thread.sleep(250);
        }
        throw new AssertionError("no replica took the lease within " + BOUND + ": " + last);
    }

    static Replica other(Replica r) {
        return replicas.stream().filter(x -> x != r).findFirst().orElseThrow();
    }

    static JsonNode status(Replica r) throws IOException {
        Response response = given().auth().oauth2(Keycloak.dashboardToken()).get(r.url() + "/api/v1/stats/status");
        assertEquals(200, response.statusCode(), r.name() + ": " + response.asString());
        return JSON.readTree(response.asString());
    }

    static JsonNode awaitStatus(Replica r, Predicate<JsonNode> state) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = status(r);
            if (state.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(r.name() + " did not reach the state within " + BOUND + "; last status: " + last);
    }

    static boolean caughtUp(JsonNode status) {
        try {
            return status.path("caughtUp").asBoolean() && status.path("feedCursor").asLong() == feedHead();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a replica's platforms of {@link #REGION} show these village and township totals. */
    static void awaitPlatforms(Replica r, long village, long township) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get(r.url(), Keycloak.dashboardToken(),
                    "/api/v1/stats/platforms?region=" + REGION + "&compilationId=" + compilationId);
            JsonNode tiers = last.path("regions").path(0).path("tiers");
            if (tiers.path("village").asLong() == village && tiers.path("township").asLong() == township) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(r.name() + " did not show " + village + " village and " + township
                + " township platforms in " + REGION + " within " + BOUND + "; last answer: " + last);
    }

    /** The shared system's stats-service (a single consumer with its own store) has applied the whole feed. */
    static void awaitSingleConsumerCaughtUp() throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get(system.gatewayUrl(), Keycloak.dashboardToken(), "/api/v1/stats/status");
            if (caughtUp(last)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the single consumer did not catch up within " + BOUND + "; last status: " + last);
    }

    // ---- the archive --------------------------------------------------------------------------------------

    static Map<String, Object> speech(int order, String... paragraphs) {
        return Map.of("compilationId", compilationId, "order", order, "committee", COMMITTEE,
                "title", "副本测试发言" + order, "bodyAvailable", true,
                "lead", List.of("雅安市政协持续深化协商议事平台建设。"),
                "sections", List.of(Map.of("ordinal", 1, "heading", "协商平台建设", "paragraphs", List.of(paragraphs))),
                "outline", List.of());
    }

    static long create(Map<String, Object> speech) throws IOException {
        long id = JSON.readTree(given().auth().oauth2(Keycloak.opsToken()).contentType(ContentType.JSON).body(speech)
                .post(system.gatewayUrl() + "/api/v1/speeches").then().statusCode(201).extract().asString())
                .path("id").asLong();
        created.add(id);
        return id;
    }

    static void update(long id, long version, Map<String, Object> speech) {
        given().auth().oauth2(Keycloak.opsToken()).contentType(ContentType.JSON)
                .header("If-Match", "\"" + id + "-v" + version + "\"").body(speech)
                .put(system.gatewayUrl() + "/api/v1/speeches/" + id).then().statusCode(200);
    }

    static void deleteIfLive(long id) {
        Response current = given().auth().oauth2(Keycloak.portalToken())
                .get(system.gatewayUrl() + "/api/v1/speeches/" + id);
        if (current.statusCode() == 200) {
            given().auth().oauth2(Keycloak.opsToken()).header("If-Match", current.header("ETag"))
                    .delete(system.gatewayUrl() + "/api/v1/speeches/" + id).then().statusCode(204);
        }
    }

    static JsonNode get(String base, String token, String path) throws IOException {
        return JSON.readTree(given().auth().oauth2(token).get(base + path).then().statusCode(200).extract().asString());
    }

    static long feedHead() throws IOException {
        return get(system.gatewayUrl(), Keycloak.portalToken(), "/api/v1/changes?after=0&limit=1").path("head")
                .asLong();
    }

    /** Every fact a stats-service lists (at {@code base}: a replica, or the gateway), by id, with all its fields. */
    static Map<String, String> allFacts(String base) throws IOException {
        Map<String, String> byId = new TreeMap<>();
        for (JsonNode f : facts(base, "")) {
            assertEquals(null, byId.put(f.path("id").asText(), f.toString()), "fact listed twice: " + f);
        }
        return byId;
    }

    static List<JsonNode> facts(String base, String query) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonNode body = get(base, Keycloak.dashboardToken(),
                    "/api/v1/stats/facts?size=100&page=" + page + "&" + query);
            body.path("items").forEach(all::add);
            if (body.path("items").size() < 100 || all.size() >= body.path("total").asLong()) {
                assertEquals(body.path("total").asLong(), all.size());
                return all;
            }
        }
    }
}
