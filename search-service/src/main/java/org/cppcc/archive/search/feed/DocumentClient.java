package org.cppcc.archive.search.feed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.cppcc.archive.search.change.ChangePage;
import org.cppcc.archive.search.change.Compilation;
import org.cppcc.archive.search.change.CompilationLookup;
import org.cppcc.archive.search.config.SearchConfig;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Calls to document-service, service to service, with the search service's own token: the change feed, and the
 * compilations the index looks up (cached: a compilation's title and date do not change under a speech).
 */
@ApplicationScoped
public class DocumentClient implements CompilationLookup {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final SearchConfig config;
    private final ServiceToken token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Long, Optional<Compilation>> compilations = new ConcurrentHashMap<>();

    public DocumentClient(SearchConfig config, ServiceToken token) {
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

    /** A compilation's title and date, cached; empty when document-service does not know it. */
    @Override
    public Optional<Compilation> find(long id) throws IOException {
        Optional<Compilation> cached = compilations.get(id);
        if (cached != null) {
            return cached;
        }
        try {
            HttpResponse<byte[]> response = get("/api/v1/compilations/" + id, Duration.ofSeconds(15));
            Optional<Compilation> found;
            if (response.statusCode() == 200) {
                found = Optional.of(JSON.readValue(response.body(), Compilation.class));
            } else if (response.statusCode() == 404) {
                found = Optional.empty();
            } else {
                throw new IOException("document-service answered " + response.statusCode() + " for compilation " + id);
            }
            compilations.put(id, found);
            return found;
        } catch (FeedUnavailableException e) {
            throw new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
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
