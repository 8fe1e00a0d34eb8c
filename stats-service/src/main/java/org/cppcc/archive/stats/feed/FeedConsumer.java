package org.cppcc.archive.stats.feed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bson.Document;
import org.cppcc.archive.stats.config.StatsConfig;
import org.cppcc.archive.stats.service.ChangeApplier;
import org.cppcc.archive.stats.service.ChangeApplier.Change;
import org.cppcc.archive.stats.store.StatsStore;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Follows the document service's change feed from the stored cursor with the feed-consumer service
 * account: long-polls, applies each change (facts first, then the cursor) and records the feed head it has
 * seen, so {@code /api/v1/stats/status} can tell the lag. A failed poll is retried after a pause; a restart
 * resumes from the stored cursor.
 */
@ApplicationScoped
public class FeedConsumer {

    private static final Logger LOG = Logger.getLogger(FeedConsumer.class);

    private final StatsConfig config;
    private final ChangeApplier applier;
    private final StatsStore store;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile String lastError;
    private volatile Instant lastPollAt;
    private volatile boolean caughtUp;

    FeedConsumer(StatsConfig config, ChangeApplier applier, StatsStore store) {
        this.config = config;
        this.applier = applier;
        this.store = store;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.feed().enabled()) {
            running = true;
            thread = Thread.ofPlatform().name("stats-feed-consumer").daemon().start(this::run);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    public boolean enabled() {
        return config.feed().enabled();
    }

    public String lastError() {
        return lastError;
    }

    public Instant lastPollAt() {
        return lastPollAt;
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        ServiceAccountToken token = new ServiceAccountToken(http, json, config.feed().tokenUrl(),
                config.feed().clientId(), config.feed().clientSecret().orElse(""));
        while (running) {
            try {
                pollOnce(token);
                lastError = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warnf("Change feed poll failed (%s); retrying in %s", lastError, config.feed().retryDelay());
                try {
                    Thread.sleep(config.feed().retryDelay().toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void pollOnce(ServiceAccountToken token) throws IOException, InterruptedException {
        long cursor = store.feedState().get("cursor", Number.class).longValue();
        URI uri = URI.create(config.feed().documentUrl() + "/api/v1/changes?after=" + cursor + "&limit="
                + config.feed().batchSize() + "&wait=" + config.feed().waitSeconds());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(config.feed().waitSeconds() + 15L))
                .header("Authorization", "Bearer " + token.get()).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        lastPollAt = Instant.now();
        if (response.statusCode() == 401) {
            token.invalidate();
            throw new IOException("the document service refused the service-account token (401)");
        }
        if (response.statusCode() != 200) {
            throw new IOException("the document service answered " + response.statusCode());
        }
        JsonNode page = json.readTree(response.body());
        int count = 0;
        for (JsonNode item : page.path("items")) {
            applier.apply(parse(item));
            count++;
        }
        long next = page.path("next").asLong(cursor);
        long head = feedHead(page, next);
        caughtUp = count < config.feed().batchSize() && next >= head;
        recordHead(head);
        if (count > 0) {
            LOG.debugf("Applied %d change(s) up to cursor %d", count, next);
        }
    }

    /**
     * The newest cursor of the feed: the page's {@code head} when the document service reports it (so the lag in
     * the status is exact), else {@code next} (an older document service: the lag is then only known to be
     * non-zero while pages come back full).
     */
    static long feedHead(JsonNode page, long next) {
        JsonNode head = page.path("head");
        return head.isIntegralNumber() ? Math.max(next, head.asLong()) : next;
    }

    private void recordHead(long head) {
        Document state = store.feedState();
        if (head > state.get("head", Number.class).longValue()) {
            state.put("head", head);
            store.saveFeedState(state);
        }
    }

    /** A feed item as the document service writes it. */
    public static Change parse(JsonNode item) {
        JsonNode speech = item.path("speech");
        return new Change(item.path("cursor").asLong(), item.path("type").asText(), item.path("speechId").asLong(),
                item.path("version").asLong(), speech.isMissingNode() || speech.isNull() ? null : speech);
    }
}
