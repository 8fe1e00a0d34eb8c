package org.cppcc.archive.system.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.cppcc.archive.system.Client;
import org.cppcc.archive.system.Client.Answer;
import org.cppcc.archive.system.SpeechInputs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The cluster suite: the topology of {@code deploy/cluster}, started by that script (HAProxy, 2 gateways on Redis,
 * 2 Keycloak nodes clustered on PostgreSQL, 2 document-services on PostgreSQL, 2 search-services on a 3-node
 * OpenSearch, 2 stats-services on one MongoDB-wire server). Clients work through the balancer (logins, reads,
 * searches, statistics, replaces with If-Match, an import) while one process of each kind is killed with SIGKILL and
 * started again: one kill every {@link #KILL_INTERVAL}, each replaced while the next are killed, so that at times
 * several kinds are down together (one replica of each). Every answer must be a 2xx, or a 503 with Retry-After that a
 * later try gets past; every acknowledged write is there afterwards, in the documents and in the search index. Prints
 * how long each kind of process took from its SIGKILL until it served again, and the memory of the whole topology.
 */
@EnabledIfSystemProperty(named = "cluster", matches = "true", disabledReason = "a command of its own "
        + "(deploy/test --cluster, which .ci/run runs after deploy/test): it starts the whole topology")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    private static final String REALM = "/realms/speech-archive";
    /** Bound of the eventual states waited for (a restart, the index catching up); none is asserted as a duration. */
    private static final Duration BOUND = Duration.ofMinutes(4);
    private static final int WRITERS = 2;
    private static final Duration KILL_INTERVAL = Duration.ofSeconds(10);

    private static Path dir;
    private static Process cluster;
    private static final Map<String, String> env = new LinkedHashMap<>();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Map<String, Double> replacedSeconds = new ConcurrentHashMap<>();

    /** What the load saw: answers by operation and status, and the refusals that break the promise. */
    private static final Map<String, Map<Integer, AtomicLong>> outcomes = new ConcurrentHashMap<>();
    private static final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    /** The processes killed and not yet serving again: said with each violation, to tell what it follows. */
    private static final Set<String> down = new ConcurrentSkipListSet<>();
    private static volatile boolean killing;
    /** Operations whose last try failed (503): each must succeed again before the end. */
    private static final Map<String, Boolean> pending = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        String running = System.getProperty("cluster.dir", "");
        if (running.isBlank()) {
            startCluster();
        } else { // a running deploy/cluster's data directory, tested in place
            dir = Path.of(running).toAbsolutePath();
        }
        for (String line : Files.readAllLines(dir.resolve("cluster.env"))) {
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        System.out.printf("cluster: deploy/cluster started the topology in %s s%n", env.get("STARTED_IN_SECONDS"));
        System.out.println("cluster: memory after start (VmRSS, KiB):\n" + deployCluster("rss", dir.toString()));
        ensureLoginClient();
    }

    private static void startCluster() throws Exception {
        String base = System.getenv("TEST_WORK_DIR");
        dir = base == null ? Files.createTempDirectory("cluster-") : Files.createTempDirectory(Path.of(base), "cluster-");
        dir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        Path out = dir.resolveSibling(dir.getFileName() + ".out");
        cluster = new ProcessBuilder("bash", REPO.resolve("deploy/cluster").toString(), "--no-build", "--data",
                dir.toString()).redirectInput(new File("/dev/null")).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(ClusterIT::stopCluster));
        Path state = dir.resolve("cluster.env");
        long deadline = System.nanoTime() + Duration.ofMinutes(12).toNanos();
        while (!Files.exists(state)) {
            if (!cluster.isAlive() || System.nanoTime() > deadline) {
                fail("deploy/cluster did not start, see " + out + ":\n" + tail(out));
            }
            Thread.sleep(1000);
        }
    }

    @AfterAll
    static void stop() {
        stopCluster();
    }

    private static synchronized void stopCluster() {
        if (cluster != null && cluster.isAlive()) {
            cluster.destroy(); // SIGTERM: deploy/cluster stops everything it started
            try {
                cluster.waitFor(3, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    @Order(1)
    void tokensOfEitherKeycloakNodeCarryTheBalancersIssuerAndAreAcceptedByTheGateway() {
        for (String node : env.get("KEYCLOAK_NODES").split(",")) {
            Answer answer = tokenRequest(node, clientCredentials("portal", "portal-dev-secret"));
            assertEquals(200, answer.status(), node + ": " + answer);
            String token = answer.body().path("access_token").asText();
            assertEquals(env.get("KEYCLOAK_URL") + REALM, claims(token).path("iss").asText(), "issuer of " + node);
            Answer read = new Client(env.get("ENTRY_URL"), () -> token).call("GET", "/api/v1/speeches?size=1", null,
                    Map.of());
            assertEquals(200, read.status(), "a token of " + node + " at the gateway: " + read);
        }
    }

    @Test
    @Order(2)
    void killsOneProcessOfEachKindWhileClientsWorkAndLosesNothing() throws Exception {
        Client ops = new Client(env.get("ENTRY_URL"), tokens("ops", "ops-dev-secret"));
        JsonNode first = ops.await("GET", "/api/v1/speeches?size=1", null, 200, BOUND, b -> b.path("total").asLong() > 0);
        long compilation = first.path("items").path(0).path("compilationId").asLong();
        long seedSpeech = first.path("items").path(0).path("id").asLong();

        AtomicBoolean running = new AtomicBoolean(true);
        List<Writer> writers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Writer writer = new Writer(w, ops, compilation, running);
            writers.add(writer);
            threads.add(Thread.ofPlatform().name("writer-" + w).start(writer));
        }
        threads.add(Thread.ofPlatform().name("reader").start(() -> read(running, seedSpeech)));
        threads.add(Thread.ofPlatform().name("importer").start(() -> importOnce(ops)));

        pause(Duration.ofSeconds(10));
        killing = true;
        List<Thread> replacements = new ArrayList<>();
        for (String victim : victims()) {
            replacements.add(Thread.ofPlatform().name("replace-" + victim).start(() -> replace(victim)));
            pause(KILL_INTERVAL);
        }
        for (Thread t : replacements) {
            t.join();
        }
        pause(Duration.ofSeconds(5));
        running.set(false);
        for (Thread t : threads) {
            t.join(Duration.ofMinutes(5));
        }

        // every operation that failed succeeds again now, and every acknowledged write is there
        read(new AtomicBoolean(false), seedSpeech);
        for (Writer writer : writers) {
            writer.check();
        }
        System.out.println("cluster: answers by operation and status: " + outcomes);
        System.out.println("cluster: time from SIGKILL until serving again (restart included): "
                + replacedSeconds.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")));
        System.out.println("cluster: memory at the end (VmRSS, KiB):\n" + deployCluster("rss", dir.toString()));
        assertTrue(violations.isEmpty(), "answers that are neither 2xx nor 503 + Retry-After, or writes lost: "
                + violations);
        assertTrue(pending.isEmpty(), "operations that failed and never succeeded again: " + pending.keySet());
    }

    /**
     * One of each kind; of stats the replica holding the feed lease, of OpenSearch the elected manager. The slowest to
     * come back first (the OpenSearch manager, a Keycloak node), so the others are killed while those restart.
     */
    private static List<String> victims() throws IOException {
        String manager = null;
        for (String node : env.get("OPENSEARCH_URL").split(",")) {
            Answer a = send(HttpRequest.newBuilder(URI.create(node + "/_cat/cluster_manager?h=node")).GET());
            if (a.status() == 200) {
                manager = a.body().asText().trim().replace("node-", "opensearch-");
                break;
            }
        }
        String stats = "stats-1";
        Client dashboard = new Client("", tokens("ops", "ops-dev-secret"));
        for (String name : List.of("stats-1", "stats-2")) {
            String ready = Files.readString(dir.resolve("procs/" + name + ".ready")).trim();
            Answer status = dashboard.call("GET", ready.replace("/q/health/ready", "/api/v1/stats/status"), null,
                    Map.of());
            if (status.body().path("leaseHeld").asBoolean()) {
                stats = name;
            }
        }
        return List.of(manager == null ? "opensearch-0" : manager, "keycloak-1", "gateway-1", "document-1", "search-1",
                stats, "redis");
    }

    /** {@link #kill} on a thread of its own: a failure to bring the process back breaks the promise too. */
    private static void replace(String victim) {
        try {
            kill(victim);
        } catch (Exception e) {
            violations.add(victim + " was not replaced: " + e.getMessage());
        }
    }

    /** SIGKILL of the process (a Keycloak node with its launcher), then deploy/cluster starts it again. */
    private static void kill(String victim) throws Exception {
        boolean node = victim.startsWith("opensearch-");
        Path pidFile = node ? dir.resolve("opensearch/node-" + victim.substring("opensearch-".length()) + "/node.pid")
                : dir.resolve("procs/" + victim + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        long killed = System.nanoTime();
        down.add(victim);
        run("kill", "-KILL", "--", node ? Long.toString(pid) : "-" + pid);
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        System.out.printf("cluster: SIGKILL %s (pid %d)%n", victim, pid);
        deployCluster("restart", dir.toString(), victim);
        down.remove(victim);
        double seconds = (System.nanoTime() - killed) / 1e9;
        replacedSeconds.put(victim.replaceAll("-\\d+$", ""), seconds);
        System.out.printf("cluster: %s serves again %.1f s after its SIGKILL%n", victim, seconds);
    }

    /** A reader: a login of each kind, a speech, a search and the statistics, in turn, until stopped. */
    private static void read(AtomicBoolean running, long speech) {
        Client reader = new Client(env.get("ENTRY_URL"), tokens("portal", "portal-dev-secret"));
        Client analyst = new Client(env.get("ENTRY_URL"), tokens("dashboard", "dashboard-dev-secret"));
        do {
            String kc = env.get("KEYCLOAK_URL");
            record("client credentials", tokenRequest(kc, clientCredentials("portal", "portal-dev-secret")));
            record("password login", tokenRequest(kc, Map.of("grant_type", "password", "client_id", "cluster-login",
                    "username", "editor", "password", "editor-dev")));
            record("read speech", reader.call("GET", "/api/v1/speeches/" + speech, null, Map.of()));
            record("search", reader.call("GET", "/api/v1/search?q=" + encode("协商平台"), null, Map.of()));
            record("stats", analyst.call("GET", "/api/v1/stats/overview", null, Map.of()));
            pause(Duration.ofMillis(200));
        } while (running.get() || READS.stream().anyMatch(pending::containsKey) && retryable());
    }

    private static final List<String> READS = List.of("client credentials", "password login", "read speech", "search",
            "stats");

    private static final long STARTED = System.nanoTime();

    /** The final round of reads may retry for a while after the load stopped, not forever. */
    private static boolean retryable() {
        return System.nanoTime() - STARTED < Duration.ofMinutes(13).toNanos();
    }

    private static void importOnce(Client ops) {
        String text;
        try {
            text = Files.readString(REPO.resolve("document-service/src/main/resources/seed/"
                    + "sichuan-cppcc-exchange-2021-09-28.txt"), StandardCharsets.UTF_8) + "\n\n"; // another SHA-256
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Answer a;
        do { // idempotent by the text's SHA-256: 201 when new, 200 when an earlier (uncertain) try stored it
            a = ops.callText("POST", "/api/v1/compilations/import", text);
            record("import", a);
        } while (!(a.status() == 200 || a.status() == 201) && retryable() && pause(Duration.ofSeconds(1)));
    }

    /**
     * Counts an answer and tells whether it succeeded. A 503 with Retry-After is a refusal to try again; anything else
     * that is not a 2xx (a 5xx without Retry-After, a dropped connection) breaks the promise.
     */
    private static boolean record(String operation, Answer a) {
        outcomes.computeIfAbsent(operation, o -> new ConcurrentHashMap<>())
                .computeIfAbsent(a.status(), s -> new AtomicLong()).incrementAndGet();
        if (a.status() >= 200 && a.status() < 300) {
            pending.remove(operation);
            return true;
        }
        pending.put(operation, true);
        if (a.status() != 503 || a.retryAfter() == null) {
            violations.add(operation + " (" + phase() + "): " + a);
        }
        return false;
    }

    private static String phase() {
        Set<String> now = Set.copyOf(down);
        return !killing ? "before the first SIGKILL" : now.isEmpty() ? "with every process serving" : "while " + now
                + " " + (now.size() == 1 ? "is" : "are") + " being replaced";
    }

    /** Replaces its own speech again and again with If-Match; keeps the last acknowledged (and uncertain) text. */
    private static final class Writer implements Runnable {
        final int number;
        final Client client;
        final long compilation;
        final AtomicBoolean running;
        long id;
        long version;
        String acknowledged;
        /** A text sent after the last acknowledged one whose answer was a 503: it may or may not be stored. */
        String uncertain;
        int round;

        Writer(int number, Client client, long compilation, AtomicBoolean running) {
            this.number = number;
            this.client = client;
            this.compilation = compilation;
            this.running = running;
        }

        private String text() {
            return "集群测试委员会第" + number + "号发言,第" + round + "轮:建成村级协商平台" + (round + 10) + "个。";
        }

        private Map<String, Object> input(String paragraph) {
            return SpeechInputs.oneSection(compilation, 900 + number, "政协集群测试委员会", "集群测试发言" + number,
                    "集群测试。", "协商平台建设", paragraph);
        }

        @Override
        public void run() {
            while (id == 0 && retryable()) {
                String text = text();
                Answer a = client.call("POST", "/api/v1/speeches", input(text), Map.of());
                if (record("create", a)) {
                    id = a.body().path("id").asLong();
                    version = a.body().path("version").asLong();
                    acknowledged = text;
                } else {
                    pause(Duration.ofSeconds(1)); // an uncertain create may leave a speech nobody tracks: harmless
                }
            }
            while (running.get() || uncertain != null && retryable()) {
                round++;
                String text = text();
                Answer a = client.call("PUT", "/api/v1/speeches/" + id, input(text),
                        Map.of("If-Match", "\"" + id + "-v" + version + "\""));
                if (record("replace with If-Match", a)) {
                    version = a.body().path("version").asLong();
                    acknowledged = text;
                    uncertain = null;
                } else {
                    uncertain = text;
                    pause(Duration.ofSeconds(1));
                    resolve();
                }
            }
        }

        /** After an uncertain replace: reads what is stored, to send the next one with the right If-Match. */
        private void resolve() {
            Answer a = client.call("GET", "/api/v1/speeches/" + id, null, Map.of());
            if (record("read own speech", a)) {
                version = a.body().path("version").asLong();
                String stored = paragraph(a.body());
                if (stored.equals(uncertain)) {
                    acknowledged = uncertain;
                    uncertain = null;
                } else if (!stored.equals(acknowledged)) {
                    violations.add("speech " + id + " holds " + stored + ", neither the acknowledged " + acknowledged
                            + " nor the uncertain " + uncertain);
                }
            }
        }

        /** The acknowledged text is stored (or a later uncertain one), and the search index finds the speech. */
        void check() {
            assertTrue(id > 0, "writer " + number + " created its speech");
            JsonNode stored = client.await("GET", "/api/v1/speeches/" + id, null, 200, BOUND, b -> true);
            String text = paragraph(stored);
            if (!text.equals(acknowledged) && !text.equals(uncertain)) {
                violations.add("lost: speech " + id + " holds " + text + ", acknowledged was " + acknowledged);
            }
            // the index holds the stored version: its paragraph, quoted, finds the speech
            client.await("GET", "/api/v1/search?size=10&compilationId=" + compilation + "&q="
                    + encode("\"" + text + "\""), null, 200, BOUND, b -> {
                        for (JsonNode hit : b.path("hits")) {
                            if (hit.path("speechId").asLong() == id) {
                                return true;
                            }
                        }
                        return false;
                    });
        }

        private static String paragraph(JsonNode speech) {
            return speech.path("sections").path(0).path("paragraphs").path(0).path("text").asText();
        }
    }

    /** A client (public, password grant) for logins of the realm's people by name and password, made once. */
    private static void ensureLoginClient() {
        Answer admin = tokenRequest(env.get("KEYCLOAK_URL"), Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", "keycloak-dev"), "/realms/master");
        assertEquals(200, admin.status(), "admin login: " + admin);
        String token = admin.body().path("access_token").asText();
        Client adminApi = new Client(env.get("KEYCLOAK_URL"), () -> token);
        Answer created = adminApi.call("POST", "/admin/realms/speech-archive/clients", Map.of("clientId",
                "cluster-login", "publicClient", true, "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                "defaultClientScopes", List.of("speech-archive-api", "roles", "basic")), Map.of());
        assertTrue(created.status() == 201 || created.status() == 409, "login client: " + created);
    }

    private static Supplier<String> tokens(String client, String secret) {
        return () -> {
            for (int i = 0; ; i++) {
                Answer a = tokenRequest(env.get("KEYCLOAK_URL"), clientCredentials(client, secret));
                if (record("client credentials", a)) {
                    return a.body().path("access_token").asText();
                }
                if (i > 100) {
                    throw new IllegalStateException("no token for " + client + ": " + a);
                }
                pause(Duration.ofSeconds(1));
            }
        };
    }

    private static Map<String, String> clientCredentials(String client, String secret) {
        return Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret);
    }

    private static Answer tokenRequest(String keycloak, Map<String, String> form) {
        return tokenRequest(keycloak, form, REALM);
    }

    private static Answer tokenRequest(String keycloak, Map<String, String> form, String realm) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(keycloak + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = Client.JSON.readTree(response.body());
            } catch (IOException e) {
                body = Client.JSON.getNodeFactory().textNode(response.body());
            }
            return new Answer(response.statusCode(), body, response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            return new Answer(-1, Client.JSON.getNodeFactory().textNode(e.toString()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, Client.JSON.getNodeFactory().textNode(e.toString()), null);
        }
    }

    private static JsonNode claims(String jwt) {
        try {
            return Client.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String deployCluster(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", REPO.resolve("deploy/cluster").toString()));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    /** Runs a command, its output into a file (a server it starts must not hold a pipe of ours open). */
    private static String run(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "run-", ".out");
        Process p = new ProcessBuilder(command).redirectInput(new File("/dev/null")).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        int status = p.waitFor();
        String output = Files.readString(out);
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + status + "):\n" + output);
        }
        return output;
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
