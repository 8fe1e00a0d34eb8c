package org.cppcc.archive.search.index;

import java.nio.file.Path;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.cppcc.archive.search.change.CompilationLookup;
import org.cppcc.archive.search.config.SearchConfig;

import io.quarkus.runtime.Startup;

/**
 * The one {@link SpeechIndex} of the service, chosen by {@code search.backend} ({@code SEARCH_BACKEND}): the
 * embedded Lucene index under {@code search.data-dir}, or an index on the OpenSearch cluster at
 * {@code search.opensearch.url} ({@code OPENSEARCH_URL}). Opened at startup, closed at shutdown.
 */
public class SpeechIndexProducer {

    @Produces
    @Startup
    @Singleton
    SpeechIndex speechIndex(SearchConfig config, CompilationLookup compilations) {
        return switch (config.backend()) {
            case lucene -> {
                LuceneSpeechIndex index = new LuceneSpeechIndex(
                        Path.of(config.dataDir()).toAbsolutePath().normalize(), compilations);
                index.open();
                yield index;
            }
            case opensearch -> {
                SearchConfig.OpenSearch cluster = config.opensearch();
                OpenSearchSpeechIndex index = new OpenSearchSpeechIndex(cluster.url(), cluster.index(),
                        cluster.replicas(), compilations);
                index.open();
                yield index;
            }
        };
    }

    void close(@Disposes SpeechIndex index) {
        index.close();
    }
}
