package org.cppcc.archive.stats.feed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.cppcc.archive.stats.change.ChangePage;
import org.cppcc.archive.stats.config.StatsConfig;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls to document-service, service to service, with the stats service's own token. */
@ApplicationScoped
public class DocumentClient {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final StatsConfig config;
    private final ServiceToken token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DocumentClient(StatsConfig config, ServiceToken token) {
        this.config = config;
        this.token = token;
    }

    /** The changes after {@code cursor}, waiting up to {@code waitSeconds} when there are none yet. */
    public ChangePage changes(long cursor, int limit, int waitSeconds) throws FeedUnavailableException,
            InterruptedException {
        String path = "/api/v1/changes?after=" + cursor + "&limit=" + limit + "&wait=" + waitSeconds;
        HttpResponse<byte[]> response = get(path, Duration.ofSeconds(waitSeconds + 15L));
        if (response.statusCode() != 200) {
            throw new FeedUnavailableException("document-service answered " + response.statusCode() + " to " + path);
        }
        try {
            return JSON.readValue(response.body(), ChangePage.class);
        } catch (IOException e) {
            throw new FeedUnavailableException("unreadable change feed page: " + e.getMessage(), e);
        }
    }

    private HttpResponse<byte[]> get(String path, Duration timeout) throws FeedUnavailableException,
            InterruptedException {
        URI uri = URI.create(config.feed().documentUrl().replaceAll("/+$", "") + path);
        for (int attempt = 0; ; attempt++) {
            String bearer;
            try {
                bearer = token.get();
            } catch (RuntimeException e) {
                throw new FeedUnavailableException("no service-account token from Keycloak: " + rootMessage(e), e);
            }
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Authorization", "Bearer " + bearer)
                    .header("Accept", "application/json")
                    .GET().build();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new FeedUnavailableException("document-service unreachable at " + uri.getAuthority() + ": "
                        + rootMessage(e), e);
            }
            if (response.statusCode() == 401 && attempt == 0) {
                token.invalidate();
                continue;
            }
            return response;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
