package org.cppcc.archive.stats.config;

import org.cppcc.archive.feed.FeedSettings;

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

    /** Following document-service's change feed ({@code stats.feed.*}; batch size in application.properties). */
    FeedSettings feed();

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
}
