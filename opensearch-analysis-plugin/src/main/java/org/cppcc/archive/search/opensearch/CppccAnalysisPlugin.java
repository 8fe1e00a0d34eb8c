package org.cppcc.archive.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.cppcc.archive.search.analysis.ChineseAnalyzers;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * The archive's analyzers ({@link ChineseAnalyzers#byName()}) in OpenSearch, under the same names: an index maps
 * its fields to {@code cppcc_words}, {@code cppcc_bigrams}, {@code cppcc_characters} and queries with the
 * {@code *_query} ones, exactly as search-service's Lucene index does.
 */
public final class CppccAnalysisPlugin extends Plugin implements AnalysisPlugin {

    public CppccAnalysisPlugin() {
        // The word segmenter and opencc4j load their dictionaries once, when their classes initialize: here, with the
        // plugin's permissions and class loader, not in the middle of the first request's analysis.
        AccessController.doPrivileged((PrivilegedAction<Void>) () -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(CppccAnalysisPlugin.class.getClassLoader());
            try {
                ChineseAnalyzers.byName().values().forEach(analyzer -> analyze(analyzer.get(), "協商，平台46個"));
            } finally {
                thread.setContextClassLoader(previous);
            }
            return null;
        });
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> providers = new LinkedHashMap<>();
        ChineseAnalyzers.byName().forEach((name, analyzer) -> providers.put(name,
                (indexSettings, environment, as, settings) -> new Provider(indexSettings, as, settings, analyzer)));
        return providers;
    }

    /** One analyzer of an index, made when the index is opened. */
    private static final class Provider extends AbstractIndexAnalyzerProvider<Analyzer> {

        private final Analyzer analyzer;

        Provider(IndexSettings indexSettings, String name, Settings settings, Supplier<Analyzer> analyzer) {
            super(indexSettings, name, settings);
            this.analyzer = analyzer.get();
        }

        @Override
        public Analyzer get() {
            return analyzer;
        }
    }

    private static void analyze(Analyzer analyzer, String text) {
        try (TokenStream stream = analyzer.tokenStream("warm-up", text)) {
            stream.reset();
            while (stream.incrementToken()) {
                // every token read: the whole chain initialized
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
