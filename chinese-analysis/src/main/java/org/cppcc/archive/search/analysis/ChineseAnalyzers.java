package org.cppcc.archive.search.analysis;

import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The Chinese analysis chain, in two views of the same text:
 * <ul>
 * <li>{@link #words()}: jieba's word segmentation with the field's own terms added ({@link DomainLexicon}), so
 * that whole words (提案, 平台, 有事来协商) match and rank;</li>
 * <li>{@link #bigramsForIndex()}: every Han character and every pair of adjacent ones, stacked, so that any
 * substring (有事来协) matches as a phrase of overlapping bigrams; {@link #bigramsForQuery()} keeps of the same
 * tokens the bigrams and the unigrams no bigram covers, at the positions the index gives them;</li>
 * <li>{@link #charactersForIndex()}: every character, punctuation and digits included, and every pair of adjacent
 * ones (see {@link CharacterTokenizer}), so that a quoted phrase matches exactly the texts holding that character
 * sequence; {@link #charactersForQuery()} gives the query side's pairs, those that cover every character.</li>
 * </ul>
 * Both read the text through {@link TextNormalizer} first (width folding, lower case, traditional →
 * simplified), which keeps offsets intact.
 */
public final class ChineseAnalyzers {

    /** The names {@link #byName()} gives the analyzers. */
    public static final String WORDS = "cppcc_words";
    public static final String BIGRAMS_INDEX = "cppcc_bigrams";
    public static final String BIGRAMS_QUERY = "cppcc_bigrams_query";
    public static final String CHARACTERS_INDEX = "cppcc_characters";
    public static final String CHARACTERS_QUERY = "cppcc_characters_query";

    private static final CharArraySet STOP_WORDS = SmartChineseAnalyzer.getDefaultStopSet();

    private ChineseAnalyzers() {
    }

    /**
     * Every analyzer of the chain by the name an OpenSearch index refers to it with: the plugin registers these, so
     * an index on OpenSearch analyses with exactly the classes the Lucene index uses.
     */
    public static Map<String, Supplier<Analyzer>> byName() {
        Map<String, Supplier<Analyzer>> all = new LinkedHashMap<>();
        all.put(WORDS, ChineseAnalyzers::words);
        all.put(BIGRAMS_INDEX, ChineseAnalyzers::bigramsForIndex);
        all.put(BIGRAMS_QUERY, ChineseAnalyzers::bigramsForQuery);
        all.put(CHARACTERS_INDEX, ChineseAnalyzers::charactersForIndex);
        all.put(CHARACTERS_QUERY, ChineseAnalyzers::charactersForQuery);
        return all;
    }

    /** Word segmentation (jieba with the domain lexicon, SmartChinese's stop set) over normalized text. */
    public static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = wordTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new StopFilter(stream, STOP_WORDS);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return TextNormalizer.reader(reader);
            }
        };
    }

    /** The word field's segmenter alone, chosen by measurement (see SegmenterComparisonTest). */
    public static Tokenizer wordTokenizer() {
        return new JiebaTokenizer();
    }

    /** Unigrams and stacked bigrams of Han text; other scripts as StandardTokenizer's words. */
    public static Analyzer bigramsForIndex() {
        return bigrams(true);
    }

    /** The bigrams and what no bigram covers (a lone Han character, numbers, Latin words), for a phrase query. */
    public static Analyzer bigramsForQuery() {
        return bigrams(false);
    }

    /** Every character and every adjacent pair, stacked, for exact phrase matching. */
    public static Analyzer charactersForIndex() {
        return characters(true);
    }

    /**
     * Every other pair of a phrase and its last (a one-character phrase as itself), at their positions: matched as a
     * phrase against the index, they cover every character.
     */
    public static Analyzer charactersForQuery() {
        return characters(false);
    }

    private static Analyzer characters(boolean singles) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new CharacterTokenizer(singles);
                return new TokenStreamComponents(tokenizer, singles ? tokenizer : new CoveringPairsFilter(tokenizer));
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return TextNormalizer.reader(reader);
            }
        };
    }

    private static Analyzer bigrams(boolean forIndex) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new CJKWidthFilter(tokenizer);
                stream = new LowerCaseFilter(stream);
                stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                        | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, true);
                return new TokenStreamComponents(tokenizer, forIndex ? stream : new CoveredUnigramFilter(stream));
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return TextNormalizer.reader(reader);
            }
        };
    }
}
