package org.cppcc.archive.stats.feed;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The feed-consumer service account's access token (client credentials), cached until shortly before expiry. */
final class ServiceAccountToken {

    private final HttpClient http;
    private final ObjectMapper json;
    private final String tokenUrl;
    private final String clientId;
    private final String secret;
    private String token;
    private Instant refreshAt = Instant.EPOCH;

    ServiceAccountToken(HttpClient http, ObjectMapper json, String tokenUrl, String clientId, String secret) {
        this.http = http;
        this.json = json;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.secret = secret;
    }

    synchronized String get() throws IOException, InterruptedException {
        if (token != null && Instant.now().isBefore(refreshAt)) {
            return token;
        }
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint answered " + response.statusCode());
        }
        JsonNode body = json.readTree(response.body());
        token = body.path("access_token").asText();
        long lifetime = body.path("expires_in").asLong(60);
        refreshAt = Instant.now().plusSeconds(Math.max(5, lifetime - 30));
        return token;
    }

    synchronized void invalidate() {
        token = null;
    }
}
