package org.cppcc.archive.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.restassured.response.Response;

/**
 * Two gateways sharing one Redis behind HAProxy, both started by deploy/lib's functions as deploy/cluster starts
 * them: a client gets one budget however it spreads its requests over the gateways; with Redis killed the gateways
 * go on serving, each counting alone; an upstream listed with a dead replica is served by its live one; a request no
 * gateway answers is refused by the balancer with 503 + Retry-After on a connection it says it closes, a write after
 * a write too; a gateway that dies under the second request of each connection leaves no request unanswered.
 */
@EnabledIfSystemProperty(named = "replicas", matches = "true", disabledReason = "a command of its own with the other "
        + "tests of several replicas (deploy/test -Dreplicas=true ..., which .ci/run runs after deploy/test), so that "
        + "deploy/test stays within its 15 minutes")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewaysBehindBalancerIT {

    private static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    /** Requests per minute of every role on these gateways: small, so that a test spends it quickly. */
    private static final int BUDGET = 40;

    private static SystemUnderTest system;
    private static final List<Process> gateways = new ArrayList<>();
    private static final List<String> gatewayUrls = new ArrayList<>();
    private static final List<String> managementUrls = new ArrayList<>();
    private static long redisPid = -1;
    private static long haproxyPid = -1;
    private static String balancerUrl;

    @BeforeAll
    static void start() throws IOException {
        system = SystemUnderTest.get();
        Path dir = Files.createDirectories(system.workDir().resolve("balanced"));
        int redisPort = SystemUnderTest.freePort();
        redisPid = deployLib("start_redis \"$1\" \"$2\" && echo $REDIS_PID", Integer.toString(redisPort),
                dir.resolve("redis").toString());
        String deadReplica = "http://127.0.0.1:" + SystemUnderTest.freePort();
        List<String> ports = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int port = SystemUnderTest.freePort();
            int management = SystemUnderTest.freePort();
            gateways.add(system.startGateway(port, Map.of(
                    "GATEWAY_MANAGEMENT_PORT", Integer.toString(management),
                    "GATEWAY_REDIS_URL", "redis://127.0.0.1:" + redisPort,
                    "GATEWAY_RATE_LIMIT_READER", Integer.toString(BUDGET),
                    "GATEWAY_RATE_LIMIT_ANALYST", Integer.toString(BUDGET),
                    "GATEWAY_RATE_LIMIT_EDITOR", Integer.toString(BUDGET),
                    "GATEWAY_RATE_LIMIT_ADMIN", Integer.toString(BUDGET),
                    "SEARCH_URL", deadReplica + "," + system.url("search-service"))));
            gatewayUrls.add("http://127.0.0.1:" + port);
            managementUrls.add("http://127.0.0.1:" + management);
            ports.add(Integer.toString(port));
        }
        int balancerPort = SystemUnderTest.freePort();
        haproxyPid = startBalancer(dir.resolve("haproxy.cfg"), balancerPort, ports);
        balancerUrl = "http://127.0.0.1:" + balancerPort;
    }

    @AfterAll
    static void stop() {
        gateways.forEach(Process::destroy);
        kill(haproxyPid);
        kill(redisPid);
    }

    @Test
    @Order(1)
    void aClientHammeringBothGatewaysGetsOneBudget() {
        String token = Keycloak.dashboardToken();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Integer> refusedBy = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 3 * BUDGET; i++) {
            int status = given().auth().oauth2(token).get(gatewayUrls.get(i % 2) + "/api/v1/speeches?size=1")
                    .statusCode();
            statuses.merge(status, 1, Integer::sum);
            if (status == 429 && !refusedBy.contains(i % 2)) {
                refusedBy.add(i % 2);
            }
        }
        // the bucket also refills while the requests run: BUDGET per minute
        long refilled = (System.nanoTime() - started) * BUDGET / Duration.ofMinutes(1).toNanos();
        int allowed = statuses.getOrDefault(200, 0);
        assertEquals(3 * BUDGET, allowed + statuses.getOrDefault(429, 0), "only 200 and 429: " + statuses);
        assertTrue(allowed >= BUDGET && allowed <= BUDGET + refilled + 1,
                allowed + " allowed of one budget of " + BUDGET + " (two budgets would be " + 2 * BUDGET + ")");
        assertEquals(2, refusedBy.size(), "both gateways refuse once the shared budget is spent");
    }

    @Test
    @Order(2)
    void throughTheBalancerTheBudgetIsStillOne() {
        String token = Keycloak.portalToken();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            Response response = given().auth().oauth2(token).get(balancerUrl + "/api/v1/speeches?size=1");
            assertEquals(200, response.statusCode());
            long remaining = Long.parseLong(response.header("X-RateLimit-Remaining"));
            assertTrue(remaining < previous, "one bucket, whichever gateway answered: " + remaining);
            previous = remaining;
        }
    }

    @Test
    @Order(3)
    void anUpstreamWithADeadReplicaIsServedByTheLiveOne() {
        String token = Keycloak.portalToken();
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(token).get(gatewayUrls.get(0) + "/api/v1/search?q=协商")
                    .then().statusCode(200);
        }
        given().get(managementUrls.get(0) + "/q/health/ready").then().statusCode(200);
    }

    @Test
    @Order(4)
    void withRedisKilledTheGatewaysGoOnServing() {
        kill(redisPid);
        redisPid = -1;
        // the client whose shared budget the first test spent: each gateway's own bucket for it is full
        String token = Keycloak.dashboardToken();
        for (int gateway = 0; gateway < 2; gateway++) {
            for (int i = 0; i < 4; i++) {
                given().auth().oauth2(token).get(gatewayUrls.get(gateway) + "/api/v1/speeches?size=1")
                        .then().statusCode(200);
            }
            given().get(managementUrls.get(gateway) + "/q/health/group/rate-limit")
                    .then().statusCode(503).body(containsString("Redis fails"));
            given().get(managementUrls.get(gateway) + "/q/health/ready").then().statusCode(200);
        }
    }

    @Test
    @Order(5)
    void whenNoGatewayAnswersTheBalancerRefusesAndClosesTheConnectionSayingSo() throws Exception {
        try (DyingGateway gateway = new DyingGateway(1, 1)) { // it answers one request, then dies under every other
            int port = SystemUnderTest.freePort();
            long pid = balancerInFrontOf(gateway, port);
            try {
                HttpClient client = HttpClient.newHttpClient();
                assertEquals(200, client.send(put(port), HttpResponse.BodyHandlers.discarding()).statusCode());
                for (int i = 0; i < 20; i++) { // writes after a write from one client, which would reuse a connection
                    HttpResponse<String> refused = client.send(put(port), HttpResponse.BodyHandlers.ofString());
                    assertEquals(503, refused.statusCode());
                    assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
                    assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""));
                    assertEquals("close", refused.headers().firstValue("Connection").orElse(""));
                }
            } finally {
                kill(pid);
            }
        }
    }

    @Test
    @Order(6)
    void aGatewayDyingUnderTheSecondRequestOfEachConnectionLeavesNoRequestUnanswered() throws Exception {
        try (DyingGateway gateway = new DyingGateway(1, Integer.MAX_VALUE)) {
            int port = SystemUnderTest.freePort();
            long pid = balancerInFrontOf(gateway, port);
            try {
                HttpClient client = HttpClient.newHttpClient();
                for (int i = 0; i < 10; i++) {
                    assertEquals(200, client.send(put(port), HttpResponse.BodyHandlers.discarding()).statusCode());
                    assertEquals(200, client.send(get(port), HttpResponse.BodyHandlers.discarding()).statusCode());
                }
            } finally {
                kill(pid);
            }
        }
    }

    /** Starts deploy/lib's balancer in front of the one gateway given; returns its pid. */
    private static long balancerInFrontOf(DyingGateway gateway, int port) throws IOException {
        return startBalancer(system.workDir().resolve("balanced/haproxy-" + port + ".cfg"), port,
                List.of(Integer.toString(gateway.port())));
    }

    /** Writes deploy/lib's HAProxy configuration for these gateways to {@code config} and starts it; its pid. */
    private static long startBalancer(Path config, int port, List<String> gatewayPorts) throws IOException {
        List<String> args = new ArrayList<>(List.of(config.toString(), Integer.toString(port)));
        args.addAll(gatewayPorts);
        return deployLib("haproxy_config \"${@:2}\" >\"$1\" && start_haproxy \"$1\" && echo $HAPROXY_PID",
                args.toArray(String[]::new));
    }

    private static HttpRequest put(int balancerPort) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + balancerPort + "/api/v1/speeches/1"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    private static HttpRequest get(int balancerPort) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + balancerPort + "/api/v1/speeches/1"))
                .GET().build();
    }

    /**
     * A gateway dying under its requests: on each connection it answers the first {@code perConnection} requests (200,
     * with the X-Request-Id a service's answer has), {@code inAll} at most, and closes the connection when the next
     * one arrives, unanswered. The balancer's health checks are always answered.
     */
    private static final class DyingGateway implements AutoCloseable {
        private final ScriptedServer server;

        DyingGateway(int perConnection, int inAll) throws IOException {
            AtomicInteger left = new AtomicInteger(inAll);
            server = new ScriptedServer(connection -> {
                String head;
                for (int i = 0; (head = ScriptedServer.readHead(connection)) != null; i++) {
                    connection.getInputStream().skipNBytes(ScriptedServer.contentLength(head));
                    boolean check = head.startsWith("GET /q/health/");
                    if (!check && (i >= perConnection || left.getAndDecrement() <= 0)) {
                        return;
                    }
                    connection.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n"
                            + "X-Request-Id: dying-gateway\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
                }
            });
        }

        int port() {
            return server.port();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /**
     * Runs a function of deploy/lib/common.sh in bash and returns the process id it prints last. Its output goes to a
     * file, not a pipe: the server it leaves running inherits bash's output and would hold a pipe open.
     */
    private static long deployLib(String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "source \"$0\" && " + script,
                REPO.resolve("deploy/lib/common.sh").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(system.workDir(), "deploy-lib-", ".out");
        Process bash = new ProcessBuilder(command).redirectInput(new File("/dev/null")).redirectOutput(out.toFile())
                .redirectErrorStream(true).start();
        try {
            if (bash.waitFor() != 0) {
                throw new IllegalStateException("deploy/lib failed: " + script + "\n" + Files.readString(out));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long pid = Long.parseLong(Files.readString(out, StandardCharsets.UTF_8).trim().lines()
                .reduce((a, b) -> b).orElseThrow());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> kill(pid)));
        return pid;
    }

    private static void kill(long pid) {
        if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroyForcibly();
                process.onExit().join();
            });
        }
    }
}
