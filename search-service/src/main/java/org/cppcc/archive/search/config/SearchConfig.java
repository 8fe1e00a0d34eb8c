package org.cppcc.archive.search.config;

import org.cppcc.archive.feed.FeedSettings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the index and of the feed consumer ({@code search.*}). */
@ConfigMapping(prefix = "search")
public interface SearchConfig {

    /** Where the index generations live; relative paths are resolved against the working directory. */
    @WithDefault("data/search")
    String dataDir();

    /** Following document-service's change feed ({@code search.feed.*}; batch size in application.properties). */
    FeedSettings feed();
}
