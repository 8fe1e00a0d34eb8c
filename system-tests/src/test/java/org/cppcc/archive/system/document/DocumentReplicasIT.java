package org.cppcc.archive.system.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.cppcc.archive.system.Keycloak;
import org.cppcc.archive.system.SpeechInputs;
import org.cppcc.archive.system.SystemUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Two packaged document-services (the PostgreSQL build, {@code document-service/target/postgresql}) on one
 * PostgreSQL database, started at the same moment on an empty database: both migrate it and both import the seed,
 * and exactly one copy results. Then clients write through both at once: the change feed, read from either replica
 * while the writes run and afterwards, is gapless, in order, the same on both, and holds exactly one change per
 * acknowledged write; If-Match updates of one speech with one ETag from clients of both replicas end in exactly one
 * winner and 412s for the rest; a long-poll on one replica wakes for a write made on the other; a replica stopped
 * while a long-poll waits answers it before it stops, and logs no error. What makes it hold: every writer of either
 * process queues on the {@code feed_head} row lock in PostgreSQL (document-service's {@code ChangeLog}), a waiting
 * reader re-reads the feed every second, and is answered as shutdown begins ({@code ChangeFeedService}).
 */
@EnabledIfSystemProperty(named = "replicas", matches = "true", disabledReason = "a command of its own with the other "
        + "tests of several replicas (deploy/test -Dreplicas=true ..., which .ci/run runs after deploy/test), so that "
        + "deploy/test stays within its 15 minutes")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentReplicasIT {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    private static final Path APP = REPO.resolve("document-service/target/postgresql");
    private static final String DATABASE = "speech_archive_replicas";
    /** How long a replica may take to start, and the other bounds of eventual states; none is asserted as a duration. */
    private static final Duration BOUND = Duration.ofSeconds(180);
    private static final int WRITERS = 6;
    private static final int WRITES_PER_WRITER = 12;
    private static final int RIVALS = 16;

    /** One running document-service. */
    record Replica(String name, String url, Path log, Process process) {
    }

    /** An answer: its status, content type and JSON body (missing when the body is not JSON). */
    record Answer(int status, String contentType, JsonNode body) {
        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<Replica> replicas = new ArrayList<>();
    private static Replica a;
    private static Replica b;
    private static String token;
    private static long tokenAt;
    private static long compilationId;

    @BeforeAll
    static void startBothAtOnce() throws Exception {
        assertTrue(Files.exists(APP.resolve("quarkus-run.jar")), APP + " is missing: document-service's build makes"
                + " it unless tests are skipped");
        String port = System.getenv().getOrDefault("TEST_PG_PORT", "55432");
        // a database of its own, new each run: the other tests' databases are left alone
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE + " OWNER speech_archive ENCODING 'UTF8'");
        }
        Path workDir = SystemUnderTest.newWorkDir("document-replicas");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> replicas.forEach(r -> r.process().destroy())));
        for (String name : List.of("document-a", "document-b")) {
            int httpPort = SystemUnderTest.freePort();
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KEYCLOAK_URL", SystemUnderTest.KEYCLOAK_URL);
            env.put("DOCUMENT_PORT", Integer.toString(httpPort));
            env.put("DOCUMENT_MANAGEMENT_PORT", Integer.toString(SystemUnderTest.freePort()));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE);
            env.put("QUARKUS_DATASOURCE_USERNAME", "speech_archive");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "speech_archive");
            Path log = workDir.resolve(name + ".log");
            replicas.add(new Replica(name, "http://127.0.0.1:" + httpPort, log,
                    SystemUnderTest.launch(APP, workDir, env, log)));
        }
        for (Replica r : replicas) {
            SystemUnderTest.awaitReady(r.url(), BOUND);
        }
        a = replicas.get(0);
        b = replicas.get(1);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        replicas.forEach(r -> r.process().destroy());
        for (Replica r : replicas) {
            if (!r.process().waitFor(30, TimeUnit.SECONDS)) {
                r.process().destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void bothImportTheSeedAndOneCopyResults() throws IOException {
        String logs = Files.readString(a.log()) + Files.readString(b.log());
        assertEquals(1, occurrences(logs, " imported"), "one replica imported the seed:\n" + seedLines(logs));
        assertEquals(1, occurrences(logs, " already present"), "the other found it there:\n" + seedLines(logs));

        JsonNode fromA = ok(call(a, "GET", "/api/v1/compilations", null, null));
        JsonNode fromB = ok(call(b, "GET", "/api/v1/compilations", null, null));
        assertEquals(1, fromA.path("total").asLong(), fromA.toString());
        assertEquals(fromA, fromB, "both replicas answer from the one database");
        compilationId = fromA.path("items").path(0).path("id").asLong();
        long speeches = fromA.path("items").path(0).path("speechCount").asLong();
        assertTrue(speeches > 0, fromA.toString());

        List<JsonNode> feed = wholeFeed(a);
        assertEquals(LongStream.rangeClosed(1, speeches).boxed().toList(), cursors(feed),
                "one change per seed speech, cursors from 1 on");
        assertEquals(speeches, feed.stream().map(c -> c.path("speechId").asLong()).distinct().count());
        assertTrue(feed.stream().allMatch(c -> c.path("version").asLong() == 1), "each speech once, in version 1");
    }

    @Test
    @Order(2)
    void writersOnBothReplicasMakeOneGaplessFeedWithOneChangePerAcknowledgedWrite() throws Exception {
        long before = head(a);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(Thread.ofPlatform().name("writer-" + w).start(() -> {
                await(start);
                write(writer, acknowledged, unexpected);
            }));
        }
        // followers long-poll each replica while the writes run, in small pages, and note every cursor they see
        List<Long> seenOnA = Collections.synchronizedList(new ArrayList<>());
        List<Long> seenOnB = Collections.synchronizedList(new ArrayList<>());
        AtomicLong finalHead = new AtomicLong(-1);
        List<Thread> followers = List.of(
                Thread.ofPlatform().name("follower-a").start(() -> follow(a, before, seenOnA, finalHead)),
                Thread.ofPlatform().name("follower-b").start(() -> follow(b, before, seenOnB, finalHead)));
        start.countDown();
        for (Thread t : writers) {
            t.join();
        }
        long head = head(a);
        finalHead.set(head);
        for (Thread t : followers) {
            t.join(BOUND.toMillis());
            assertFalse(t.isAlive(), t.getName() + " did not reach the feed's head " + head);
        }

        assertEquals(List.of(), unexpected, "every write was answered 2xx");
        assertEquals(before + WRITERS * WRITES_PER_WRITER, head, "one cursor per acknowledged write");
        List<Long> expected = LongStream.rangeClosed(before + 1, head).boxed().toList();
        assertEquals(expected, List.copyOf(seenOnA), "following replica A live: no cursor skipped, none twice");
        assertEquals(expected, List.copyOf(seenOnB), "following replica B live: no cursor skipped, none twice");

        List<JsonNode> feedA = wholeFeed(a);
        List<JsonNode> feedB = wholeFeed(b);
        assertEquals(LongStream.rangeClosed(1, head).boxed().toList(), cursors(feedA), "gapless, in order");
        assertEquals(feedA, feedB, "the same feed from both replicas");
        List<String> written = feedA.stream().filter(c -> c.path("cursor").asLong() > before)
                .map(c -> c.path("speechId").asLong() + "-v" + c.path("version").asLong()).toList();
        assertEquals(written.size(), new HashSet<>(written).size(), "no version twice in the feed");
        assertEquals(acknowledged, new HashSet<>(written), "exactly the acknowledged writes");
    }

    @Test
    @Order(3)
    void ifMatchRivalsOnBothReplicasEndInOneWinner() throws Exception {
        JsonNode created = ok(call(a, "POST", "/api/v1/speeches", speech(9001, "同一版本的竞争", "竞争前"), null));
        long id = created.path("id").asLong();
        String etag = "\"" + id + "-v1\"";
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < RIVALS; i++) {
            Replica replica = replicas.get(i % 2);
            Map<String, Object> body = speech(9001, "同一版本的竞争 " + i, "竞争者 " + i + " 的改动。");
            answers.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return call(replica, "PUT", "/api/v1/speeches/" + id, body, etag);
            }, runnable -> Thread.ofPlatform().start(runnable)));
        }
        start.countDown();
        List<Answer> all = answers.stream().map(CompletableFuture::join).toList();

        List<Answer> won = all.stream().filter(x -> x.status() / 100 == 2).toList();
        assertEquals(1, won.size(), "exactly one winner: " + all);
        for (Answer lost : all.stream().filter(x -> x.status() / 100 != 2).toList()) {
            assertEquals(412, lost.status(), lost.toString());
            assertTrue(lost.contentType().startsWith("application/problem+json"), lost.toString());
            assertEquals(412, lost.body().path("status").asInt(), lost.toString());
        }
        String winner = won.get(0).body().path("title").asText();
        for (Replica r : replicas) {
            JsonNode now = ok(call(r, "GET", "/api/v1/speeches/" + id, null, null));
            assertEquals(2, now.path("version").asLong(), r.name() + ": " + now);
            assertEquals(winner, now.path("title").asText(), r.name());
        }
        List<Long> versions = wholeFeed(b).stream().filter(c -> c.path("speechId").asLong() == id)
                .map(c -> c.path("version").asLong()).toList();
        assertEquals(List.of(1L, 2L), versions, "one change for the creation, one for the winner");
    }

    @Test
    @Order(4)
    void aLongPollOnOneReplicaWakesForAWriteOnTheOther() throws Exception {
        long head = head(a);
        long started = System.nanoTime();
        // the wait (30 s) is far longer than the bound given to the answer: an answer within it is a wake-up
        CompletableFuture<Answer> poll = CompletableFuture.supplyAsync(
                () -> call(a, "GET", "/api/v1/changes?after=" + head + "&wait=30", null, null, Duration.ofSeconds(20)),
                runnable -> Thread.ofPlatform().start(runnable));
        Thread.sleep(1500);
        assertFalse(poll.isDone(), "the long-poll waits while nothing is new: " + (poll.isDone() ? poll.join() : ""));
        JsonNode created = ok(call(b, "POST", "/api/v1/speeches", speech(9002, "另一副本上的写入", "唤醒"), null));
        long writtenAt = System.nanoTime();
        JsonNode page = ok(poll.join());
        System.out.printf("long-poll on %s woke %d ms after the write on %s (%d ms after it began waiting)%n",
                a.name(), (System.nanoTime() - writtenAt) / 1_000_000, b.name(), (System.nanoTime() - started) / 1_000_000);
        assertEquals(1, page.path("items").size(), page.toString());
        assertEquals(created.path("id").asLong(), page.path("items").path(0).path("speechId").asLong(), page.toString());
        assertEquals(head + 1, page.path("next").asLong(), page.toString());
    }

    @Test
    @Order(5)
    void aReplicaStoppedWhileALongPollWaitsAnswersItFirstAndLogsNoError() throws Exception {
        long head = head(a);
        CompletableFuture<Answer> poll = CompletableFuture.supplyAsync(
                () -> call(a, "GET", "/api/v1/changes?after=" + head + "&wait=30", null, null, Duration.ofSeconds(25)),
                runnable -> Thread.ofPlatform().start(runnable));
        Thread.sleep(1500);
        assertFalse(poll.isDone(), "the long-poll waits while nothing is new: " + (poll.isDone() ? poll.join() : ""));
        a.process().destroy(); // SIGTERM, as an orchestrator stops a replica
        JsonNode page = ok(poll.join());
        assertEquals(0, page.path("items").size(), page.toString());
        assertEquals(head, page.path("next").asLong(), page.toString());
        assertTrue(a.process().waitFor(BOUND.toSeconds(), TimeUnit.SECONDS), a.name() + " did not stop");
        List<String> errors = Files.readAllLines(a.log()).stream().filter(l -> l.contains(" ERROR [")).toList();
        assertEquals(List.of(), errors, "errors in " + a.log());
    }

    /** One writer: a speech of its own, created and then replaced with If-Match, alternating between the replicas. */
    private static void write(int writer, Set<String> acknowledged, List<String> unexpected) {
        long id = -1;
        long version = 0;
        for (int i = 0; i < WRITES_PER_WRITER; i++) {
            Replica replica = replicas.get((writer + i) % 2);
            Map<String, Object> body = speech(8000 + writer, "并发写入 " + writer, "第" + i + "次写入。");
            Answer answer = id < 0 ? call(replica, "POST", "/api/v1/speeches", body, null)
                    : call(replica, "PUT", "/api/v1/speeches/" + id, body, "\"" + id + "-v" + version + "\"");
            if (answer.status() / 100 != 2) {
                unexpected.add("writer " + writer + " on " + replica.name() + ": " + answer);
                return;
            }
            id = answer.body().path("id").asLong();
            version = answer.body().path("version").asLong();
            acknowledged.add(id + "-v" + version);
        }
    }

    /**
     * Follows the feed of one replica from {@code after}, long-polling in pages of 7, until it reaches the head the
     * test sets once the writers are done; notes every cursor, in the order seen.
     */
    private static void follow(Replica replica, long after, List<Long> seen, AtomicLong finalHead) {
        long next = after;
        long deadline = System.nanoTime() + BOUND.toNanos() * 2;
        while (System.nanoTime() < deadline) {
            long target = finalHead.get();
            if (target >= 0 && next >= target) {
                return;
            }
            JsonNode page = ok(call(replica, "GET", "/api/v1/changes?after=" + next + "&limit=7&wait=2", null, null));
            for (JsonNode item : page.path("items")) {
                seen.add(item.path("cursor").asLong());
            }
            next = page.path("next").asLong();
        }
    }

    private static List<JsonNode> wholeFeed(Replica replica) {
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = ok(call(replica, "GET", "/api/v1/changes?after=" + after + "&limit=500", null, null));
            page.path("items").forEach(all::add);
            if (page.path("items").isEmpty()) {
                return all;
            }
            after = page.path("next").asLong();
        }
    }

    private static long head(Replica replica) {
        return ok(call(replica, "GET", "/api/v1/changes?after=0&limit=1", null, null)).path("head").asLong();
    }

    private static List<Long> cursors(List<JsonNode> changes) {
        return changes.stream().map(c -> c.path("cursor").asLong()).toList();
    }

    private static Map<String, Object> speech(int order, String title, String lead) {
        return SpeechInputs.oneSection(compilationId, order, "政协副本测试委员会", title, lead, "协商平台建设",
                "建成村级协商平台12个。");
    }

    private static Answer call(Replica replica, String method, String path, Object json, String ifMatch) {
        return call(replica, method, path, json, ifMatch, Duration.ofSeconds(60));
    }

    private static Answer call(Replica replica, String method, String path, Object json, String ifMatch,
            Duration timeout) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica.url() + path)).timeout(timeout)
                    .header("Authorization", "Bearer " + token())
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(json)));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = type.contains("json") && response.body().length > 0 ? JSON.readTree(response.body())
                    : MissingNode.getInstance();
            return new Answer(response.statusCode(), type, body);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + replica.url() + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode ok(Answer answer) {
        assertTrue(answer.status() / 100 == 2, answer.toString());
        return answer.body();
    }

    /** The admin client's token, fetched again after 3 minutes (tokens live 5). */
    private static synchronized String token() {
        if (token == null || System.nanoTime() - tokenAt > Duration.ofMinutes(3).toNanos()) {
            token = Keycloak.opsToken();
            tokenAt = System.nanoTime();
        }
        return token;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int occurrences(String text, String what) {
        return (int) seedLines(text).lines().filter(l -> l.endsWith(what)).count();
    }

    private static String seedLines(String logs) {
        return String.join("\n", logs.lines().filter(l -> l.contains("Seed compilation")).toList());
    }
}
