package org.cppcc.archive.search.feed;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.cppcc.archive.feed.FeedClient;
import org.cppcc.archive.feed.FeedUnavailableException;
import org.cppcc.archive.feed.ServiceToken;
import org.cppcc.archive.search.change.Compilation;
import org.cppcc.archive.search.change.CompilationLookup;
import org.cppcc.archive.search.config.SearchConfig;

/**
 * Calls to document-service, service to service, with the search service's own token: the change feed, and the
 * compilations the index looks up (cached: a compilation's title and date do not change under a speech).
 */
@ApplicationScoped
public class DocumentClient implements CompilationLookup {

    private final FeedClient feed;
    private final Map<Long, Optional<Compilation>> compilations = new ConcurrentHashMap<>();

    public DocumentClient(SearchConfig config, ServiceToken token) {
        this.feed = new FeedClient(config.feed().documentUrl(), token);
    }

    /** The change feed's client, which the consumer reads pages with. */
    public FeedClient feed() {
        return feed;
    }

    /** A compilation's title and date, cached; empty when document-service does not know it. */
    @Override
    public Optional<Compilation> find(long id) throws IOException {
        Optional<Compilation> cached = compilations.get(id);
        if (cached != null) {
            return cached;
        }
        try {
            HttpResponse<byte[]> response = feed.get("/api/v1/compilations/" + id, Duration.ofSeconds(15));
            Optional<Compilation> found;
            if (response.statusCode() == 200) {
                found = Optional.of(FeedClient.read(response.body(), Compilation.class));
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
}
