package org.cppcc.archive.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * {@link Problems#reportUnexpected}, on a real Vert.x server and real connections: a failure is reported (and
 * answered) while its client is there, and is no error once the client has closed its connection, as a consumer
 * that stops does under a long-poll (the failure is then the write of an answer no one reads).
 */
class UnexpectedFailuresTest {

    private static Vertx vertx;
    private static HttpServer server;
    private static volatile CompletableFuture<Boolean> reported;
    private static volatile CountDownLatch received;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            received.countDown();
            if (request.path().equals("/client-leaves")) {
                request.response().closeHandler(closed -> reported.complete(
                        Problems.reportUnexpected(new IOException("Failed to write"), request)));
            } else {
                reported.complete(Problems.reportUnexpected(new IllegalStateException("a bug"), request));
                request.response().setStatusCode(500).end();
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aFailureWhileTheClientWaitsIsReported() throws Exception {
        try (Socket client = request("/fails")) {
            assertTrue(reported.get(10, TimeUnit.SECONDS), "reported as an unexpected failure");
            InputStream answer = client.getInputStream();
            assertTrue(new String(answer.readNBytes(12), StandardCharsets.US_ASCII).endsWith("500"), "answered");
        }
    }

    @Test
    void aFailureAfterTheClientLeftIsNoError() throws Exception {
        Socket client = request("/client-leaves");
        assertTrue(received.await(10, TimeUnit.SECONDS), "the request arrived");
        client.close();
        assertFalse(reported.get(10, TimeUnit.SECONDS), "not reported: the client is gone");
    }

    private static Socket request(String path) throws IOException {
        reported = new CompletableFuture<>();
        received = new CountDownLatch(1);
        Socket client = new Socket("127.0.0.1", server.actualPort());
        OutputStream out = client.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return client;
    }
}
