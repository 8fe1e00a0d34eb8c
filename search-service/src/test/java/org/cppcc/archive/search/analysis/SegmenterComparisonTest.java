package org.cppcc.archive.search.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.WordDictionary;

/**
 * Scores word segmenters on a gold segmentation of 316 sentences (207 of the seed, 109 of the import issue's unseen
 * compilations), cut by reading them: {@code segmentation/gold-*.txt}, words separated by spaces, the field's own
 * terms in brackets. Prints precision, recall and F1 of the word spans (punctuation left out) and the recall of the
 * bracketed terms, for SmartChinese, HanLP and jieba, each alone and then with the domain lexicon; checks that the
 * analyzer the word field uses is the best of them.
 */
class SegmenterComparisonTest {

    record Gold(String text, Set<Span> words, Set<Span> terms) {
    }

    record Span(int start, int end) {
    }

    record Score(String name, double precision, double recall, double f1, double termRecall) {
        @Override
        public String toString() {
            return String.format("%-34s P=%.3f R=%.3f F1=%.3f term recall=%.3f", name, precision, recall, f1,
                    termRecall);
        }
    }

    @Test
    void theWordFieldUsesTheBestSegmenter() {
        List<Gold> gold = new ArrayList<>(read("/segmentation/gold-seed.txt"));
        gold.addAll(read("/segmentation/gold-unseen.txt"));
        List<Score> scores = new ArrayList<>();
        scores.add(score("SmartChinese (HMMChineseTokenizer)", gold, SegmenterComparisonTest::smartChinese));
        Segment hanlp = HanLP.newSegment().enablePlaceRecognize(true).enableOrganizationRecognize(true)
                .enableOffset(true);
        scores.add(score("HanLP (place + organisation)", gold, text -> hanlp(hanlp, text)));
        JiebaSegmenter jieba = new JiebaSegmenter();
        scores.add(score("jieba (search mode)", gold, text -> jieba(jieba, text)));
        // the lexicon goes into each segmenter's global dictionary: scored after the plain runs
        List<String> lexicon = DomainLexicon.terms();
        lexicon.forEach(CustomDictionary::add);
        scores.add(score("HanLP + lexicon", gold, text -> hanlp(hanlp, text)));
        WordDictionary.getInstance().loadUserDict(jiebaDictionary(lexicon));
        scores.add(score("jieba + lexicon", gold, text -> jieba(jieba, text)));
        scores.add(score("word field (ChineseAnalyzers.words())", gold, SegmenterComparisonTest::wordField));
        System.out.printf("word segmentation of %d gold sentences (%d words, %d field terms):%n", gold.size(),
                gold.stream().mapToInt(g -> g.words().size()).sum(), gold.stream().mapToInt(g -> g.terms().size())
                        .sum());
        scores.forEach(s -> System.out.println("  " + s));
        Score field = scores.get(scores.size() - 1);
        double best = scores.stream().mapToDouble(Score::f1).max().orElseThrow();
        assertTrue(field.f1() >= best - 1e-9, "the word field is not the best segmenter: " + scores);
    }

    private static Score score(String name, List<Gold> gold, Function<String, List<Span>> segmenter) {
        long correct = 0;
        long predicted = 0;
        long wanted = 0;
        long terms = 0;
        long termsFound = 0;
        for (Gold g : gold) {
            Set<Span> words = new HashSet<>();
            for (Span span : segmenter.apply(TextNormalizer.normalize(g.text()))) {
                if (isWord(g.text().substring(span.start(), span.end()))) {
                    words.add(span);
                }
            }
            predicted += words.size();
            wanted += g.words().size();
            correct += words.stream().filter(g.words()::contains).count();
            terms += g.terms().size();
            termsFound += g.terms().stream().filter(words::contains).count();
        }
        double p = (double) correct / predicted;
        double r = (double) correct / wanted;
        return new Score(name, p, r, 2 * p * r / (p + r), (double) termsFound / terms);
    }

    private static List<Span> smartChinese(String text) {
        return lucene(new HMMChineseTokenizer(), text);
    }

    private static List<Span> wordField(String text) {
        return lucene(ChineseAnalyzers.wordTokenizer(), text);
    }

    private static List<Span> lucene(Tokenizer tokenizer, String text) {
        List<Span> spans = new ArrayList<>();
        try (tokenizer) {
            tokenizer.setReader(new java.io.StringReader(text));
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                spans.add(new Span(offset.startOffset(), offset.endOffset()));
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spans;
    }

    private static List<Span> hanlp(Segment segment, String text) {
        return segment.seg(text).stream().map(t -> new Span(t.offset, t.offset + t.word.length())).toList();
    }

    private static List<Span> jieba(JiebaSegmenter jieba, String text) {
        return jieba.process(text, JiebaSegmenter.SegMode.SEARCH).stream()
                .map(t -> new Span(t.startOffset, t.endOffset)).toList();
    }

    /** jieba reads a user dictionary from a file of "word frequency" lines. */
    private static java.nio.file.Path jiebaDictionary(List<String> terms) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("cppcc-lexicon", ".dict");
            file.toFile().deleteOnExit();
            java.nio.file.Files.write(file, terms.stream().map(t -> t + " 1000").toList(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token with a letter or digit in it: punctuation and blanks are no words to score. */
    private static boolean isWord(String token) {
        return token.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static List<Gold> read(String resource) {
        try (InputStream in = SegmenterComparisonTest.class.getResourceAsStream(resource)) {
            List<Gold> gold = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                StringBuilder text = new StringBuilder();
                Set<Span> words = new HashSet<>();
                Set<Span> terms = new HashSet<>();
                for (String token : line.strip().split(" +")) {
                    boolean term = token.length() > 2 && token.startsWith("[") && token.endsWith("]");
                    String word = term ? token.substring(1, token.length() - 1) : token;
                    Span span = new Span(text.length(), text.length() + word.length());
                    text.append(word);
                    if (isWord(word)) {
                        words.add(span);
                    }
                    if (term) {
                        terms.add(span);
                    }
                }
                gold.add(new Gold(text.toString(), words, terms));
            }
            return gold;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
