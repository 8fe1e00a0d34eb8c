package org.cppcc.archive.stats.config;

import java.time.Duration;
import java.util.Optional;

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

    /** The consumer lease: which of the stats-services sharing a database follows the feed ({@code stats.lease.*}). */
    Lease lease();

    /**
     * How often the store's write generation is polled, so that answers reflect what another replica (the consumer,
     * a curation) wrote.
     */
    @WithDefault("200ms")
    Duration refreshEvery();

    /** Following document-service's change feed ({@code stats.feed.*}; batch size in application.properties). */
    FeedSettings feed();

    interface Lease {
        /**
         * How long a granted lease lasts unless renewed: after the holder is killed another replica takes it within
         * about this plus {@link #renewEvery()}.
         */
        @WithDefault("10s")
        Duration duration();

        /**
         * How often the holder renews (and the others try to take it). The holder stops applying changes once less
         * than this is left of its lease, so it stops before the lease can expire while a change is being written.
         */
        @WithDefault("3s")
        Duration renewEvery();

        /** This replica's name in the lease document; by default the host, process id and a random suffix. */
        Optional<String> holder();
    }

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
