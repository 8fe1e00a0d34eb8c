package org.cppcc.archive.feed;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * A consumer's feed settings, the {@code feed} group of its configuration ({@code search.feed.*},
 * {@code stats.feed.*}). The batch size has no default: each service names its own in application.properties.
 */
public interface FeedSettings {

    /** Follow document-service's change feed in the background (off in tests that apply changes directly). */
    @WithDefault("true")
    boolean enabled();

    /** document-service's base URL, reached directly (not through the gateway). */
    @WithDefault("http://127.0.0.1:8081")
    String documentUrl();

    /** Changes per request (1-500). */
    int batchSize();

    /** How long one long-poll waits for new changes (0-30 s). */
    @WithDefault("20")
    int waitSeconds();

    /** First retry delay after a failure; doubles up to {@link #maxBackoff()}. */
    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();
}
