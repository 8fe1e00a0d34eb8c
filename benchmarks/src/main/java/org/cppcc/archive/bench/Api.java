package org.cppcc.archive.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client of one base URL (the gateway, or a service directly) acting as one Keycloak client (client credentials).
 * The token is fetched lazily and refreshed a minute before it expires (tokens live 5 minutes), so long runs
 * keep working. Thread-safe; one shared HttpClient (HTTP/1.1, pooled connections).
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    record Response(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
            }
        }
    }

    private final String base;
    private final Tokens tokens;

    Api(String base, Tokens tokens) {
        this.base = base.replaceAll("/+$", "");
        this.tokens = tokens;
    }

    /** The same client identity against another base URL (e.g. a service behind the gateway). */
    Api at(String otherBase) {
        return new Api(otherBase, tokens);
    }

    /** Client-credentials tokens of one Keycloak client, refreshed a minute before they expire. */
    static final class Tokens {
        private final String tokenUrl;
        private final String basicAuth;
        private String token;
        private long expiresAtNanos;

        Tokens(String keycloak, String clientId, String secret) {
            this.tokenUrl = keycloak.replaceAll("/+$", "") + "/realms/speech-archive/protocol/openid-connect/token";
            this.basicAuth = "Basic " + Base64.getEncoder()
                    .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }

        synchronized String get() {
            if (token == null || System.nanoTime() > expiresAtNanos) {
                Response r = send(HttpRequest.newBuilder(URI.create(tokenUrl))
                        .header("Authorization", basicAuth)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build());
                if (!r.ok()) {
                    throw new IllegalStateException("token request failed: " + r.status() + " " + r.body());
                }
                JsonNode json = r.json();
                token = json.get("access_token").asText();
                long lifetime = json.path("expires_in").asLong(300);
                expiresAtNanos = System.nanoTime() + Duration.ofSeconds(Math.max(10, lifetime - 60)).toNanos();
            }
            return token;
        }
    }

    private String token() {
        return tokens.get();
    }

    Response get(String pathAndQuery) {
        return get(pathAndQuery, "application/json");
    }

    Response get(String pathAndQuery, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("Authorization", "Bearer " + token())
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(60))
                .GET().build());
    }

    Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
