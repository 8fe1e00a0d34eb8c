package org.cppcc.archive.search.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.cppcc.archive.search.index.SeedSpeeches;
import org.junit.jupiter.api.Test;

import com.huaban.analysis.jieba.JiebaSegmenter;

/**
 * A benchmark, not a test (surefire runs it only when named): the word field's {@link WordSegmenter} against jieba's
 * own {@link JiebaSegmenter} (search mode, without the lexicon: the same algorithm over nearly the same dictionary),
 * each loading its dictionary, then cutting the seed's and the unseen compilations' texts over and over; prints the
 * load times and the median of the later rounds. Asserts nothing.
 *
 * <pre>
 * mvn -pl search-service -am test -Dtest=SegmentationBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class SegmentationBenchmark {

    private static final int ROUNDS = 30;

    @Test
    void cutTheCompilations() {
        long started = System.nanoTime();
        WordSegmenter ours = new WordSegmenter();
        ours.segment("政协");
        long loaded = System.nanoTime();
        JiebaSegmenter jieba = new JiebaSegmenter();
        jieba.process("政协", JiebaSegmenter.SegMode.SEARCH);
        long jiebaLoaded = System.nanoTime();
        System.out.printf("SegmentationBenchmark: dictionary loaded in %d ms (WordSegmenter), %d ms (jieba)%n",
                (loaded - started) / 1_000_000, (jiebaLoaded - loaded) / 1_000_000);
        List<String> texts = Stream.concat(SeedSpeeches.all().stream(), SeedSpeeches.unseen().stream())
                .flatMap(speech -> SeedSpeeches.texts(speech).stream()).toList();
        long characters = texts.stream().mapToLong(String::length).sum();
        double[] oursMillis = new double[ROUNDS];
        double[] jiebaMillis = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long a = System.nanoTime();
            for (String text : texts) {
                ours.segment(text);
            }
            long b = System.nanoTime();
            for (String text : texts) {
                jieba.process(text, JiebaSegmenter.SegMode.SEARCH);
            }
            oursMillis[round] = (b - a) / 1e6;
            jiebaMillis[round] = (System.nanoTime() - b) / 1e6;
        }
        System.out.printf("SegmentationBenchmark: %d texts, %d characters, median of rounds %d-%d: "
                + "WordSegmenter %.1f ms, jieba %.1f ms%n", texts.size(), characters, ROUNDS / 2 + 1, ROUNDS,
                laterMedian(oursMillis), laterMedian(jiebaMillis));
    }

    private static double laterMedian(double[] millis) {
        double[] later = Arrays.copyOfRange(millis, millis.length / 2, millis.length);
        Arrays.sort(later);
        return later[later.length / 2];
    }
}
