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
 * Loads the word segmenter's dictionary while the service starts, before it reports ready: it is read on first use,
 * which takes half a second (several on a busy machine), and with the OpenSearch backend the first use would be a
 * caller's search, answered too late for the gateway.
 */
@Singleton
class AnalyzerWarmUp {

    void onStart(@Observes StartupEvent event) {
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
