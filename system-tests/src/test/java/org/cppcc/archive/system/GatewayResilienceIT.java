package org.cppcc.archive.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A failing upstream costs its own routes a fast problem+json, and nothing else; a body over the limit is refused with
 * 413, and a caller expecting 100 (Continue) gets it from the service or its 413 before it sends its body.
 */
class GatewayResilienceIT {

    private static SystemUnderTest system;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.get();
    }

    @Test
    void stoppedUpstreamGivesFast503WhileOtherRoutesAnswer() {
        String analyst = Keycloak.dashboardToken();
        system.stop("stats-service");
        try {
            given().auth().oauth2(analyst).get(system.gatewayUrl() + "/api/v1/stats/status")
                    .then().time(lessThan(3000L), TimeUnit.MILLISECONDS)
                    .statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(503))
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                    .body("requestId", org.hamcrest.Matchers.notNullValue());
            given().auth().oauth2(analyst).get(system.gatewayUrl() + "/api/v1/speeches").then().statusCode(200);
        } finally {
            system.start("stats-service");
        }
        given().auth().oauth2(analyst).get(system.gatewayUrl() + "/api/v1/stats/status").then().statusCode(200);
    }

    @Test
    void hangingUpstreamTimesOutWith504ThenTheBreakerAnswersAtOnce() throws IOException {
        // Reads each request and never answers, until the gateway gives up on it: the worst kind of upstream.
        AtomicInteger requests = new AtomicInteger();
        try (ScriptedServer silent = new ScriptedServer(connection -> {
            ScriptedServer.readHead(connection);
            requests.incrementAndGet();
            connection.getInputStream().transferTo(OutputStream.nullOutputStream());
        })) {
            int port = SystemUnderTest.freePort();
            Process gateway = system.startGateway(port, Map.of(
                    "STATS_URL", "http://127.0.0.1:" + silent.port(),
                    "GATEWAY_RESPONSE_TIMEOUT", "1s"));
            try {
                String analyst = Keycloak.dashboardToken();
                String stats = "http://127.0.0.1:" + port + "/api/v1/stats/status";
                for (int i = 0; i < 5; i++) {
                    given().auth().oauth2(analyst).get(stats)
                            .then().time(lessThan(4000L), TimeUnit.MILLISECONDS)
                            .statusCode(504).contentType(startsWith("application/problem+json"));
                }
                given().auth().oauth2(analyst).get(stats)
                        .then().time(lessThan(500L), TimeUnit.MILLISECONDS)
                        .statusCode(503).header("Retry-After", org.hamcrest.Matchers.notNullValue());
                given().auth().oauth2(analyst).get("http://127.0.0.1:" + port + "/api/v1/speeches")
                        .then().statusCode(200);
            } finally {
                gateway.destroy();
            }
            assertTrue(requests.get() > 0, "the gateway did try the silent upstream");
        }
    }

    @Test
    void upstreamDyingBeforeItsAnswerGives503WithRetryAfterAndANonHttpAnswerGives502() throws IOException {
        // One upstream reads each request and closes (every other one with a reset), as a killed process does; the
        // other answers something that is not HTTP.
        int[] connections = { 0 };
        try (ScriptedServer dying = new ScriptedServer(connection -> {
            ScriptedServer.readHead(connection);
            if (connections[0]++ % 2 == 1) {
                connection.setSoLinger(true, 0);
            }
            connection.close();
        }); ScriptedServer garbling = new ScriptedServer(connection -> {
            ScriptedServer.readHead(connection);
            connection.getOutputStream().write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            connection.close();
        })) {
            int port = SystemUnderTest.freePort();
            Process gateway = system.startGateway(port, Map.of(
                    "STATS_URL", "http://127.0.0.1:" + dying.port(),
                    "SEARCH_URL", "http://127.0.0.1:" + garbling.port()));
            try {
                String gatewayUrl = "http://127.0.0.1:" + port;
                for (int i = 0; i < 2; i++) {
                    given().auth().oauth2(Keycloak.dashboardToken()).get(gatewayUrl + "/api/v1/stats/status")
                            .then().statusCode(503).contentType(startsWith("application/problem+json"))
                            .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                            .body("detail", containsString("retry later"));
                }
                given().auth().oauth2(Keycloak.opsToken()).contentType("application/json").body("{}")
                        .post(gatewayUrl + "/api/v1/stats/facts/f1/curation")
                        .then().statusCode(503).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                        .body("detail", containsString("may or may not have been applied"));
                given().auth().oauth2(Keycloak.dashboardToken()).get(gatewayUrl + "/api/v1/search?q=x")
                        .then().statusCode(502).contentType(startsWith("application/problem+json"));
            } finally {
                gateway.destroy();
            }
        }
    }

    @Test
    void aCallerExpecting100ContinueIsAskedForItsBodyOrRefusedBeforeSendingIt() throws IOException {
        byte[] seed = Files.readAllBytes(Path.of(System.getProperty("repo.dir", ".."))
                .resolve("document-service/src/main/resources/seed/sichuan-cppcc-exchange-2021-09-28.txt"));
        URI gateway = URI.create(system.gatewayUrl());
        String head = "POST /api/v1/compilations/import?dryRun=true HTTP/1.1\r\nHost: " + gateway.getAuthority()
                + "\r\nAuthorization: Bearer " + Keycloak.opsToken()
                + "\r\nContent-Type: text/plain; charset=utf-8\r\nExpect: 100-continue\r\nContent-Length: ";
        try (Socket connection = new Socket(gateway.getHost(), gateway.getPort())) {
            connection.setSoTimeout(5000); // curl waits 1 s for the 100 before it sends the body anyway
            OutputStream out = connection.getOutputStream();
            out.write((head + seed.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            assertTrue(ScriptedServer.readHead(connection).startsWith("HTTP/1.1 100 "), "100 Continue, then the body");
            out.write(seed);
            String answer = ScriptedServer.readHead(connection);
            assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
        }
        try (Socket connection = new Socket(gateway.getHost(), gateway.getPort())) {
            connection.setSoTimeout(5000);
            connection.getOutputStream().write((head + 21 * 1024 * 1024 + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            String answer = ScriptedServer.readHead(connection); // at once, without a byte of the body sent
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("connection: close"), answer);
        }
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        String admin = Keycloak.opsToken();
        byte[] tooBig = new byte[21 * 1024 * 1024];
        given().auth().oauth2(admin).contentType("text/plain; charset=utf-8").body(tooBig)
                .post(system.gatewayUrl() + "/api/v1/compilations/import?dryRun=true")
                .then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(413));
        // Without a Content-Length (chunked), the limit is enforced while streaming.
        InputStream chunked = new ByteArrayInputStream(tooBig);
        given().auth().oauth2(admin).contentType("text/plain; charset=utf-8").body(chunked)
                .post(system.gatewayUrl() + "/api/v1/compilations/import?dryRun=true")
                .then().statusCode(413);
    }
}
