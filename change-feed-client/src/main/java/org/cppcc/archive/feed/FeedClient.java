package org.cppcc.archive.feed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Calls to document-service, service to service, with the consumer's own token: the change feed, read into the
 * consumer's own page type, and any other GET it needs. A refused token (401) is fetched again and the call retried
 * once; whatever else goes wrong is a {@link FeedUnavailableException} naming the root cause.
 */
public final class FeedClient {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final String baseUrl;
    private final ServiceToken token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public FeedClient(String baseUrl, ServiceToken token) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.token = token;
    }

    /** The changes after {@code cursor}, waiting up to {@code waitSeconds} when there are none yet. */
    public <P extends FeedPage> P changes(long cursor, int limit, int waitSeconds, Class<P> pageType)
            throws FeedUnavailableException, InterruptedException {
        String path = "/api/v1/changes?after=" + cursor + "&limit=" + limit + "&wait=" + waitSeconds;
        HttpResponse<byte[]> response = get(path, Duration.ofSeconds(waitSeconds + 15L));
        if (response.statusCode() != 200) {
            throw new FeedUnavailableException("document-service answered " + response.statusCode() + " to " + path);
        }
        try {
            return read(response.body(), pageType);
        } catch (IOException e) {
            throw new FeedUnavailableException("unreadable change feed page: " + e.getMessage(), e);
        }
    }

    /** A JSON answer of document-service as {@code type} (unknown fields ignored, java.time types understood). */
    public static <T> T read(byte[] body, Class<T> type) throws IOException {
        return JSON.readValue(body, type);
    }

    /** GET {@code path} of document-service with the token; a 401 fetches a new token and tries once more. */
    public HttpResponse<byte[]> get(String path, Duration timeout) throws FeedUnavailableException,
            InterruptedException {
        URI uri = URI.create(baseUrl + path);
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
