package org.cppcc.archive.search.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the index and of the feed consumer ({@code search.*}). */
@ConfigMapping(prefix = "search")
public interface SearchConfig {

    /** Where the index generations live; relative paths are resolved against the working directory. */
    @WithDefault("data/search")
    String dataDir();

    Feed feed();

    interface Feed {
        /** Follow document-service's change feed at all (off in tests that feed the indexer directly). */
        @WithDefault("true")
        boolean enabled();

        /** document-service's base URL, reached directly (not through the gateway). */
        @WithDefault("http://127.0.0.1:8081")
        String documentUrl();

        /** Changes per request (1-500). */
        @WithDefault("500")
        int batchSize();

        /** Long-poll wait per request in seconds (0-30). */
        @WithDefault("20")
        int waitSeconds();

        /** First retry delay after a failure; doubles up to {@link #maxBackoff()}. */
        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }
}
