package org.cppcc.archive.bench;

import java.util.List;

/**
 * A benchmark corpus: compilations in the seed's text format, compilation {@code k} depending only on (seed, k,
 * speeches). {@code --corpus realistic} (the default, {@link RealisticCorpus}) generates text sentence by sentence
 * with a Zipf-like vocabulary; {@code --corpus recombined} ({@link Corpus}) recombines the seed's 35 paragraphs,
 * the corpus of the earlier benchmarks.
 */
interface CorpusSource {

    /** Compilation number {@code index} (0-based) with {@code speeches} speeches. */
    Corpus.Generated compilation(int index, int speeches);

    /**
     * Body paragraphs the imported corpus holds, for queries that quote fragments of them: for a generated
     * corpus those of the first compilation generated (call after generating compilation 0).
     */
    List<String> paragraphs();

    /** What the corpus is made from. */
    String describe();

    /** Term statistics over every compilation generated so far by this instance. */
    TermStatistics statistics();

    static CorpusSource of(Options o) {
        long seed = o.number("seed");
        return switch (o.get("corpus")) {
            case "realistic" -> new RealisticCorpus(seed);
            case "recombined" -> new Corpus(seed);
            default -> throw new IllegalArgumentException("--corpus is realistic or recombined, not '"
                    + o.get("corpus") + "'");
        };
    }
}
