package org.cppcc.archive.search.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;

import com.huaban.analysis.jieba.WordDictionary;

/**
 * jieba's dictionary (the {@value #MAIN} its jar ships) with the {@link DomainLexicon} added as jieba adds a user
 * dictionary, held as one open-addressing hash table of character sequences: every word and every prefix of one.
 * A lookup of {@code text[start, end)} allocates nothing, and a segmenter extending a word one character at a time
 * hashes incrementally ({@link #extend}), one probe per character.
 *
 * <p>Why not jieba's own {@link WordDictionary}: it walks a trie of boxed characters from its root for every
 * extension, and keeps the probabilities in a {@code HashMap<String, Double>} whose keys collide (the
 * {@code String} hash of two Han characters): 39% of the indexing thread's time (issue 13). The probabilities here
 * are computed as jieba computes them, from the same total summed in the same order, so that {@link WordSegmenter}
 * cuts every text exactly as jieba does.
 */
final class JiebaDictionary {

    /** Not in the table. */
    static final int ABSENT = -1;

    private static final String MAIN = "/dict.txt";
    /** A lexicon term outweighs the shorter words it could be cut into. */
    private static final double LEXICON_FREQUENCY = 1000;
    private static final int HASH_SEED = 0x811C9DC5;
    private static final int HASH_MULTIPLIER = 0x9E3779B1;

    /**
     * Room for the main dictionary's lines (349,045), its words and their prefixes (498,102 entries of 1,424,770
     * characters) and the lexicon's: the arrays are made once at about their final size and not trimmed to it, since
     * trimming while the service starts leaves the first ones, some 13 MB, as garbage in the old generation.
     */
    private static final int MAIN_WORDS = 1 << 19;
    private static final int ENTRIES = 1 << 19;
    private static final int KEY_CHARS = 1_500_000;

    private static final class Holder {
        static final JiebaDictionary INSTANCE = load();
    }

    /** Entry e's characters are {@code keys[keyStart[e], keyStart[e + 1])}. */
    private char[] keys = new char[KEY_CHARS];
    private int[] keyStart = new int[ENTRIES];
    private int[] hashes = new int[ENTRIES];
    /** A word's natural log of its probability; NaN for a sequence that only begins longer words. */
    private double[] logFrequencies = new double[ENTRIES];
    private boolean[] extended = new boolean[ENTRIES];
    private int entries;
    /** Entry + 1 by slot, 0 for an empty slot. */
    private int[] slots = new int[2 * ENTRIES];
    private int shift = Integer.SIZE - Integer.numberOfTrailingZeros(2 * ENTRIES);
    /** What jieba scores a character that is no word with: the least probable word of the main dictionary. */
    private double minLogFrequency = Double.MAX_VALUE;

    private JiebaDictionary() {
    }

    /** The dictionary, loaded on first use (about half a second). */
    static JiebaDictionary instance() {
        return Holder.INSTANCE;
    }

    /** The hash of the empty sequence, to {@link #extend} from. */
    static int emptyHash() {
        return HASH_SEED;
    }

    /** The hash of a sequence followed by {@code c}, given the sequence's. */
    static int extend(int hash, char c) {
        return (hash ^ c) * HASH_MULTIPLIER;
    }

    /** The entry of {@code text[start, end)}, or {@link #ABSENT}. */
    int find(char[] text, int start, int end) {
        int hash = HASH_SEED;
        for (int i = start; i < end; i++) {
            hash = extend(hash, text[i]);
        }
        return find(text, start, end, hash);
    }

    /** The entry of {@code text[start, end)} whose hash is {@code hash}, or {@link #ABSENT}. */
    int find(char[] text, int start, int end, int hash) {
        return slots[slot(text, start, end, hash)] - 1;
    }

    /** The slot that holds the entry of {@code text[start, end)}, or the empty one where it would go. */
    private int slot(char[] text, int start, int end, int hash) {
        int mask = slots.length - 1;
        for (int slot = hash >>> shift; ; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (entry < 0 || hashes[entry] == hash && sameKey(entry, text, start, end)) {
                return slot;
            }
        }
    }

    /** Whether the entry is a word (not {@link #ABSENT}, nor only the beginning of longer words). */
    boolean isWord(int entry) {
        return entry != ABSENT && !Double.isNaN(logFrequencies[entry]);
    }

    /** Whether some word is longer than the entry and begins with it. */
    boolean isExtended(int entry) {
        return extended[entry];
    }

    /** A word's log probability. */
    double logFrequency(int entry) {
        return logFrequencies[entry];
    }

    /** The log probability jieba gives a single character that is no word. */
    double minLogFrequency() {
        return minLogFrequency;
    }

    private boolean sameKey(int entry, char[] text, int start, int end) {
        int from = keyStart[entry];
        return keyStart[entry + 1] - from == end - start
                && Arrays.equals(keys, from, from + end - start, text, start, end);
    }

    /**
     * The main dictionary's lines ("word frequency [tag]", fields between runs of blanks and tabs) as jieba reads
     * them: the total is summed over every line in file order, a repeated word keeps its last frequency, and each
     * becomes log(frequency / total). Then the lexicon's terms, each at {@value #LEXICON_FREQUENCY} over the same
     * total. The lines are parsed in place, not split into strings, and the table is sized for jieba's dictionary
     * up front: this runs while the service starts.
     */
    private static JiebaDictionary load() {
        JiebaDictionary dictionary = new JiebaDictionary();
        double total = 0;
        int[] words = new int[MAIN_WORDS];
        double[] frequencies = new double[MAIN_WORDS];
        int count = 0;
        char[] word = new char[64];
        try (BufferedReader lines = jiebaResource(MAIN)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int wordEnd = nextBlank(line, 0);
                int from = wordEnd;
                while (from < line.length() && isBlank(line.charAt(from))) {
                    from++;
                }
                if (from == line.length()) {
                    continue;
                }
                double frequency = parseFrequency(line, from, nextBlank(line, from));
                total += frequency;
                int entry;
                if (isKey(line, wordEnd)) {
                    if (wordEnd > word.length) {
                        word = new char[wordEnd];
                    }
                    line.getChars(0, wordEnd, word, 0);
                    entry = dictionary.add(word, wordEnd);
                } else {
                    String key = key(line.substring(0, wordEnd));
                    if (key.isEmpty()) {
                        continue;
                    }
                    entry = dictionary.add(key.toCharArray(), key.length());
                }
                if (count == words.length) {
                    words = Arrays.copyOf(words, count * 2);
                    frequencies = Arrays.copyOf(frequencies, count * 2);
                }
                words[count] = entry;
                frequencies[count++] = frequency;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read jieba's " + MAIN, e);
        }
        for (int i = 0; i < count; i++) {
            dictionary.logFrequencies[words[i]] = Math.log(frequencies[i] / total);
        }
        for (int i = 0; i < count; i++) {
            dictionary.minLogFrequency = Math.min(dictionary.minLogFrequency, dictionary.logFrequencies[words[i]]);
        }
        double lexicon = Math.log(LEXICON_FREQUENCY / total);
        for (String term : DomainLexicon.terms()) {
            String key = key(term);
            dictionary.logFrequencies[dictionary.add(key.toCharArray(), key.length())] = lexicon;
        }
        return dictionary;
    }

    /** A data file of jieba's jar ({@code /dict.txt}, {@code /prob_emit.txt}), as UTF-8 lines. */
    static BufferedReader jiebaResource(String name) {
        return DataFiles.open(WordDictionary.class, "jieba", name);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static int nextBlank(String line, int from) {
        int i = from;
        while (i < line.length() && !isBlank(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Whether {@code line[0, end)} is its own {@link #key}: nothing to trim and nothing to lower (no character with
     * a lower-case form, no surrogate, whose code point could have one).
     */
    private static boolean isKey(String line, int end) {
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            if (c <= ' ' || Character.isSurrogate(c) || Character.toLowerCase(c) != c) {
                return false;
            }
        }
        return end > 0;
    }

    /** {@code Double.parseDouble} of {@code line[from, end)}, without the string for the plain integers jieba has. */
    private static double parseFrequency(String line, int from, int end) {
        if (end - from > 15) {
            return Double.parseDouble(line.substring(from, end));
        }
        long value = 0;
        for (int i = from; i < end; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return Double.parseDouble(line.substring(from, end));
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** jieba's key for a word: trimmed and in lower case. */
    private static String key(String word) {
        return word.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Adds the word {@code chars[0, length)} and its prefixes (those not there yet, as prefixes only); returns the
     * word's entry.
     */
    private int add(char[] chars, int length) {
        int hash = HASH_SEED;
        int entry = ABSENT;
        for (int end = 1; end <= length; end++) {
            hash = extend(hash, chars[end - 1]);
            if (entry != ABSENT) {
                extended[entry] = true;
            }
            int slot = slot(chars, 0, end, hash);
            entry = slots[slot] - 1;
            if (entry == ABSENT) {
                entry = insert(chars, end, hash, slot);
            }
        }
        return entry;
    }

    /** Adds {@code chars[0, length)} as a new entry, in the empty {@code slot} that {@link #slot} found for it. */
    private int insert(char[] chars, int length, int hash, int slot) {
        if (entries + 2 > keyStart.length) {
            int capacity = keyStart.length * 2;
            keyStart = Arrays.copyOf(keyStart, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
            logFrequencies = Arrays.copyOf(logFrequencies, capacity);
            extended = Arrays.copyOf(extended, capacity);
        }
        int from = keyStart[entries];
        if (from + length > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(keys.length * 2, from + length));
        }
        System.arraycopy(chars, 0, keys, from, length);
        int entry = entries++;
        keyStart[entries] = from + length;
        hashes[entry] = hash;
        logFrequencies[entry] = Double.NaN;
        if (entries * 2 > slots.length) {
            rehash(slots.length * 2);
        } else {
            slots[slot] = entry + 1;
        }
        return entry;
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        shift = Integer.SIZE - Integer.numberOfTrailingZeros(capacity);
        for (int entry = 0; entry < entries; entry++) {
            place(entry);
        }
    }

    private void place(int entry) {
        int mask = slots.length - 1;
        int slot = hashes[entry] >>> shift;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = entry + 1;
    }
}
