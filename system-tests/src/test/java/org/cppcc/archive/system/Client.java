package org.cppcc.archive.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A plain HTTP client of the gateway; a dropped connection or a timeout answers status -1. Its token is fetched
 * again every 3 minutes (tokens live 5).
 */
public final class Client {

    public static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An answer: its status (-1: none, the connection dropped or timed out), its JSON body and its Retry-After header
     * (null without one).
     */
    public record Answer(int status, JsonNode body, String retryAfter) {
        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final String baseUrl;
    private final Supplier<String> tokens;
    private String token;
    private long tokenAt;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public Client(String baseUrl, Supplier<String> tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    private synchronized String token() {
        if (token == null || System.nanoTime() - tokenAt > Duration.ofMinutes(3).toNanos()) {
            token = tokens.get();
            tokenAt = System.nanoTime();
        }
        return token;
    }

    public Answer call(String method, String path, Object json, Map<String, String> headers) {
        try {
            HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(json));
            HttpRequest.Builder request = request(path).method(method, body);
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            return send(request.build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Answer callText(String method, String path, String text) {
        return send(request(path).header("Content-Type", "text/plain; charset=utf-8")
                .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build());
    }

    /** Calls until the answer has {@code status} and {@code until} holds for its body, at most {@code timeout}. */
    public JsonNode await(String method, String path, Object json, int status, Duration timeout,
            Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer last;
        do {
            last = call(method, path, json, Map.of());
            if (last.status() == status && until.test(last.body())) {
                return last.body();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError(method + " " + path + " did not answer " + status + " as expected within " + timeout
                + "; last: " + last);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token()).header("Accept", "application/json");
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            JsonNode body;
            try {
                body = bytes.length == 0 ? MissingNode.getInstance() : JSON.readTree(bytes);
            } catch (IOException e) {
                body = JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
            }
            return new Answer(response.statusCode(), body,
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            return new Answer(-1, JSON.getNodeFactory().textNode(e.toString()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, JSON.getNodeFactory().textNode(e.toString()), null);
        }
    }
}
