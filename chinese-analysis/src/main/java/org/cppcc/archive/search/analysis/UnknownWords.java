package org.cppcc.archive.search.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.regex.Matcher;

import com.huaban.analysis.jieba.CharacterUtil;
import com.huaban.analysis.jieba.viterbi.FinalSeg;

/**
 * jieba's cut of a run of characters that no dictionary word covers ({@link FinalSeg#cut}), step for step: Han
 * characters are tagged begin / middle / end / single by the most probable path of its hidden Markov model, and
 * the rest cut into numbers, Latin words and what lies between. The model's emission probabilities are read from
 * jieba's {@value #EMISSIONS} into one array per state, indexed by character, where {@code FinalSeg} keeps maps of
 * boxed characters to boxed doubles: it was a third of the segmenter's time.
 */
final class UnknownWords {

    private static final String EMISSIONS = "/prob_emit.txt";
    /** The states in the order jieba visits them. */
    private static final char[] STATES = {'B', 'M', 'E', 'S'};
    private static final int B = 0;
    private static final int M = 1;
    private static final int E = 2;
    private static final int S = 3;
    /** jieba's stand-in for the log of a probability of zero. */
    private static final double IMPOSSIBLE = -3.14e100;
    /** The model's start and transition log probabilities (jieba's finalseg), by state. */
    private static final double[] START = {-0.26268660809250016, IMPOSSIBLE, IMPOSSIBLE, -1.4652633398537678};
    private static final double[][] TRANSITION = {
            {IMPOSSIBLE, -0.916290731874155, -0.510825623765990, IMPOSSIBLE},
            {IMPOSSIBLE, -1.2603623820268226, -0.33344856811948514, IMPOSSIBLE},
            {-0.5897149736854513, IMPOSSIBLE, IMPOSSIBLE, -0.8085250474669937},
            {-0.7211965654669841, IMPOSSIBLE, IMPOSSIBLE, -0.6658631448798212}};
    /** The states a state can follow, in the order jieba weighs them. */
    private static final int[][] PREVIOUS = {{E, S}, {M, B}, {B, M}, {S, E}};
    private static final double[][] EMISSION = loadEmissions();

    /** Where a cut piece ends. */
    @FunctionalInterface
    interface Ends {
        void add(int end);
    }

    private double[] scores = new double[4 * 16];
    private byte[] from = new byte[4 * 16];
    private byte[] states = new byte[16];

    /** Cuts {@code text[start, end)} as jieba's model does, reporting where each piece ends. */
    void cut(char[] text, int start, int end, Ends ends) {
        int run = start;
        for (int i = start; i < end; i++) {
            if (CharacterUtil.isChineseLetter(text[i]) != CharacterUtil.isChineseLetter(text[run])) {
                cutRun(text, run, i, ends);
                run = i;
            }
        }
        if (run < end) {
            cutRun(text, run, end, ends);
        }
    }

    private void cutRun(char[] text, int start, int end, Ends ends) {
        if (CharacterUtil.isChineseLetter(text[start])) {
            tag(text, start, end, ends);
            return;
        }
        Matcher skip = CharacterUtil.reSkip.matcher(new String(text, start, end - start));
        int at = 0;
        while (skip.find()) {
            if (skip.start() > at) {
                ends.add(start + skip.start());
            }
            ends.add(start + skip.end());
            at = skip.end();
        }
        if (start + at < end) {
            ends.add(end);
        }
    }

    /** The most probable tags of Han characters {@code text[start, end)}, as jieba's Viterbi finds them. */
    private void tag(char[] text, int start, int end, Ends ends) {
        int length = end - start;
        if (states.length < length) {
            scores = new double[4 * length];
            from = new byte[4 * length];
            states = new byte[length];
        }
        for (int state = B; state <= S; state++) {
            scores[state] = START[state] + EMISSION[state][text[start]];
        }
        for (int i = 1; i < length; i++) {
            for (int state = B; state <= S; state++) {
                double emission = EMISSION[state][text[start + i]];
                int best = -1;
                double bestScore = 0;
                for (int previous : PREVIOUS[state]) {
                    double score = TRANSITION[previous][state] + (emission + scores[4 * (i - 1) + previous]);
                    if (best < 0 || bestScore <= score) {
                        best = previous;
                        bestScore = score;
                    }
                }
                scores[4 * i + state] = bestScore;
                from[4 * i + state] = (byte) best;
            }
        }
        int last = 4 * (length - 1);
        int state = scores[last + E] < scores[last + S] ? S : E;
        for (int i = length - 1; i >= 0; i--) {
            states[i] = (byte) state;
            state = from[4 * i + state];
        }
        int next = 0;
        for (int i = 0; i < length; i++) {
            if (states[i] == E || states[i] == S) {
                ends.add(start + i + 1);
                next = i + 1;
            }
        }
        if (next < length) {
            ends.add(end);
        }
    }

    /** Per state, the log probability of emitting each character ({@link #IMPOSSIBLE} for those not listed). */
    private static double[][] loadEmissions() {
        double[][] emission = new double[STATES.length][Character.MAX_VALUE + 1];
        for (double[] row : emission) {
            Arrays.fill(row, IMPOSSIBLE);
        }
        try (BufferedReader lines = JiebaDictionary.jiebaResource(EMISSIONS)) {
            double[] row = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    row = emission[new String(STATES).indexOf(line.charAt(0))];
                } else {
                    row[line.charAt(0)] = Double.parseDouble(line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read jieba's " + EMISSIONS, e);
        }
        return emission;
    }
}
