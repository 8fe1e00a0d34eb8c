package org.cppcc.archive.search.config;

import java.util.List;

import org.cppcc.archive.feed.FeedSettings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the index and of the feed consumer ({@code search.*}). */
@ConfigMapping(prefix = "search")
public interface SearchConfig {

    /** Which index implementation answers: the embedded Lucene index, or an OpenSearch cluster. */
    enum Backend {
        lucene, opensearch
    }

    @WithDefault("lucene")
    Backend backend();

    /** Where the Lucene index generations live; relative paths are resolved against the working directory. */
    @WithDefault("data/search")
    String dataDir();

    /** The OpenSearch cluster, when {@link #backend()} is opensearch ({@code search.opensearch.*}). */
    OpenSearch opensearch();

    /** Following document-service's change feed ({@code search.feed.*}; batch size in application.properties). */
    FeedSettings feed();

    interface OpenSearch {

        /** Its nodes' HTTP addresses; requests go round-robin to the live ones. */
        @WithDefault("http://127.0.0.1:9200")
        List<String> url();

        /** The alias searches use; its index generations are {@code <alias>-1}, {@code <alias>-2}… */
        @WithDefault("speeches")
        String index();

        /** Replicas of the index's one shard: 0 on one node, 1 or more in a cluster. */
        @WithDefault("0")
        int replicas();
    }
}
