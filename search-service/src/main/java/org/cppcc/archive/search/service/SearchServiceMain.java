package org.cppcc.archive.search.service;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** The packaged service's entry point: Quarkus's, with the analyzers' load begun first ({@link AnalyzerWarmUp}). */
@QuarkusMain
public class SearchServiceMain {

    public static void main(String... args) {
        AnalyzerWarmUp.beginLoading();
        Quarkus.run(args);
    }
}
