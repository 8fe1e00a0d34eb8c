package org.cppcc.archive.search.service;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.cppcc.archive.search.analysis.ChineseAnalyzers;

import io.quarkus.runtime.StartupEvent;

/**
 * Loads the word segmenter's dictionary and the normalizer's table while the service starts, before it reports
 * ready: they are read on first use, which takes a third of a second (several on a busy machine), and with the
 * OpenSearch backend the first use would be a caller's search, answered too late for the gateway.
 *
 * <p>The packaged service begins loading on a thread of its own as the JVM starts ({@link SearchServiceMain}), so
 * that the load runs beside Quarkus's start rather than after it; the startup event then only waits for it (a class
 * being initialized on one thread holds back its use on others). Started otherwise (tests), the event loads them.
 */
@Singleton
class AnalyzerWarmUp {

    void onStart(@Observes StartupEvent event) {
        load();
    }

    /** Begins {@link #load} on a daemon thread. */
    static void beginLoading() {
        Thread.ofPlatform().name("analyzer-warm-up").daemon().start(AnalyzerWarmUp::load);
    }

    private static void load() {
        try (Analyzer words = ChineseAnalyzers.words(); TokenStream tokens = words.tokenStream("text", "政协委员协商议事")) {
            tokens.reset();
            while (tokens.incrementToken()) {
                // reading the tokens is the point
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("the word segmenter could not be loaded", e);
        }
    }
}
