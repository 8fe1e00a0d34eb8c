package org.cppcc.archive.stats.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The stats service's own settings ({@code stats.*} in application.properties). */
@ConfigMapping(prefix = "stats")
public interface StatsConfig {

    /** Where the embedded MongoDB-wire server keeps its H2 file. */
    @WithDefault("data/stats")
    String dataDir();

    /**
     * The classpath resource with the GB/T 2260 divisions (code, name, level, parent code), the denominators of
     * committee coverage.
     */
    @WithDefault("gazetteer/divisions.tsv")
    String gazetteerResource();

    Mongo mongo();

    Feed feed();

    interface Mongo {
        /** The database holding facts, speeches, curations and the consumer state. */
        @WithDefault("stats")
        String database();

        /** The port of the embedded server when no connection string is configured; 0 picks a free one. */
        @WithDefault("0")
        int embeddedPort();

        /** false keeps the embedded server's data in memory only. */
        @WithDefault("true")
        boolean embeddedPersistent();

        /**
         * The embedded server's page cache (MB). Its pages hold documents already deserialised, and every
         * aggregation reads all facts: with the store larger than the cache each one deserialises them again.
         */
        @WithDefault("512")
        int embeddedCacheMb();
    }

    interface Feed {
        /** Follow document-service's change feed in the background (off in tests that feed the applier directly). */
        @WithDefault("true")
        boolean enabled();

        /** document-service's base URL, reached directly (not through the gateway). */
        @WithDefault("http://127.0.0.1:8081")
        String documentUrl();

        /** Changes per request (1-500). */
        @WithDefault("100")
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
}
