package org.cppcc.archive.search.analysis;

import java.util.Arrays;

import com.huaban.analysis.jieba.CharacterUtil;

/**
 * jieba's search-mode segmentation ({@code JiebaSegmenter.process(text, SegMode.SEARCH)}), token for token, over
 * {@link JiebaDictionary}, with jieba's own character classes and its hidden Markov model for runs of characters
 * no word covers ({@link UnknownWords}):
 * <ul>
 * <li>a character jieba does not segment (anything but a Han character, a Latin letter, a digit or one of
 * {@code +#&._-}, after folding full width and upper case) is a token of its own, as written;</li>
 * <li>each run of the others is cut along its most probable route of dictionary words, a character that begins no
 * word scoring as the least probable word; consecutive one-character steps of the route are joined, and cut again
 * by the model unless they form a word.</li>
 * </ul>
 * The tokens cover the text end to end, so they are held as their ends only. One instance per tokenizer: it reuses
 * its buffers from one text to the next.
 */
final class WordSegmenter {

    private final JiebaDictionary dictionary = JiebaDictionary.instance();
    private final UnknownWords unknownWords = new UnknownWords();
    private char[] text = new char[0];
    /** For a position of a run: where the word beginning there on the route ends, and the route's score from there. */
    private int[] wordEnds = new int[0];
    private double[] scores = new double[0];
    private int[] ends = new int[16];
    private int tokens;

    /** Segments {@code input}; returns the number of tokens. */
    int segment(CharSequence input) {
        int length = input.length();
        if (text.length < length + 1) {
            text = new char[length + 1];
            wordEnds = new int[length + 1];
            scores = new double[length + 1];
        }
        tokens = 0;
        int run = -1;
        for (int i = 0; i < length; i++) {
            char original = input.charAt(i);
            char folded = CharacterUtil.regularize(original);
            if (CharacterUtil.ccFind(folded)) {
                text[i] = folded;
                run = run < 0 ? i : run;
            } else {
                text[i] = original;
                if (run >= 0) {
                    cutRun(run, i);
                    run = -1;
                }
                addEnd(i + 1);
            }
        }
        if (run >= 0) {
            cutRun(run, length);
        }
        return tokens;
    }

    /** The text the tokens are ranges of: the input with the characters jieba segments folded. */
    char[] text() {
        return text;
    }

    int start(int token) {
        return token == 0 ? 0 : ends[token - 1];
    }

    int end(int token) {
        return ends[token];
    }

    /** Cuts {@code text[from, to)}, a run of characters jieba segments, along its most probable route. */
    private void cutRun(int from, int to) {
        scores[to] = 0;
        for (int i = to - 1; i >= from; i--) {
            int bestEnd = -1;
            double best = 0;
            int hash = JiebaDictionary.emptyHash();
            for (int j = i; j < to; j++) {
                hash = JiebaDictionary.extend(hash, text[j]);
                int entry = dictionary.find(text, i, j + 1, hash);
                if (entry == JiebaDictionary.ABSENT) {
                    break;
                }
                if (dictionary.isWord(entry)) {
                    double score = dictionary.logFrequency(entry) + scores[j + 1];
                    if (bestEnd < 0 || best < score) {
                        best = score;
                        bestEnd = j + 1;
                    }
                }
                if (!dictionary.isExtended(entry)) {
                    break;
                }
            }
            if (bestEnd < 0) {
                best = dictionary.minLogFrequency() + scores[i + 1];
                bestEnd = i + 1;
            }
            scores[i] = best;
            wordEnds[i] = bestEnd;
        }
        int singles = -1;
        for (int x = from; x < to; x = wordEnds[x]) {
            if (wordEnds[x] - x == 1) {
                singles = singles < 0 ? x : singles;
            } else {
                if (singles >= 0) {
                    cutSingles(singles, x);
                    singles = -1;
                }
                addEnd(wordEnds[x]);
            }
        }
        if (singles >= 0) {
            cutSingles(singles, to);
        }
    }

    /** Consecutive one-character steps of the route: one token if a word (or one character), else the model's cut. */
    private void cutSingles(int from, int to) {
        if (to - from == 1 || dictionary.isWord(dictionary.find(text, from, to))) {
            addEnd(to);
            return;
        }
        unknownWords.cut(text, from, to, this::addEnd);
    }

    private void addEnd(int end) {
        if (tokens == ends.length) {
            ends = Arrays.copyOf(ends, tokens * 2);
        }
        ends[tokens++] = end;
    }
}
