package org.cppcc.archive.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.cppcc.archive.search.index.SeedSpeeches;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.WordDictionary;

/**
 * {@link WordSegmenter} cuts every text exactly as jieba's own {@link JiebaSegmenter} does in search mode, with the
 * domain lexicon loaded into jieba's dictionary as a user dictionary at the frequency the segmenter gives it: the
 * same words at the same offsets, over the seed's and the unseen compilations' texts, the gold segmentation's
 * sentences, and random strings that mix their characters with what jieba treats apart (Latin letters of both widths
 * and cases, digits, its connectors, blanks, punctuation, characters outside the BMP) and with Han characters its
 * dictionary and model do not know.
 */
class WordSegmenterTest {

    record Token(String word, int start, int end) {
    }

    private static final JiebaSegmenter JIEBA = new JiebaSegmenter();
    /** One for all texts, as a tokenizer keeps one: what a text leaves in its buffers must not change the next. */
    private static final WordSegmenter SEGMENTER = new WordSegmenter();

    @BeforeAll
    static void loadTheLexiconIntoJieba() throws IOException {
        Path file = Files.createTempFile("cppcc-lexicon", ".dict");
        try {
            Files.write(file, DomainLexicon.terms().stream().map(t -> t + " 1000").toList(), StandardCharsets.UTF_8);
            WordDictionary.getInstance().loadUserDict(file);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void cutsTheCompilationsTextsAsJieba() {
        List<String> texts = Stream.concat(SeedSpeeches.all().stream(), SeedSpeeches.unseen().stream())
                .flatMap(speech -> SeedSpeeches.texts(speech).stream()).toList();
        assertTrue(texts.size() > 300, "the compilations' texts: " + texts.size());
        assertCutAsJieba(texts);
    }

    @Test
    void cutsTheGoldSentencesAsJieba() {
        List<String> sentences = new ArrayList<>(gold("/segmentation/gold-seed.txt"));
        sentences.addAll(gold("/segmentation/gold-unseen.txt"));
        assertCutAsJieba(sentences);
    }

    @Test
    void cutsMixedAndHostileTextAsJieba() {
        StringBuilder han = new StringBuilder();
        SeedSpeeches.all().forEach(speech -> SeedSpeeches.texts(speech).forEach(han::append));
        String others = "abcXYZ019０９ＡＺａｚ+#&._-　 \t\n，。、；：“”（）《》%％·…—～!?\u00a0é\uD83D\uDE00\uD840\uDC00"
                // Han characters in no word, that jieba's model never saw or saw only alone: its scores tie on them
                + "丄丅丏両丣丩丮丯丠乨乷乼乽乿亐仒";
        Random random = new Random(20261203);
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(120);
            while (text.length() < length) {
                if (random.nextInt(5) == 0) {
                    text.append(others.charAt(random.nextInt(others.length())));
                } else {
                    // a stretch of real text, or Han characters in an order no text has
                    int from = random.nextInt(han.length() - 12);
                    if (random.nextBoolean()) {
                        text.append(han, from, from + 1 + random.nextInt(12));
                    } else {
                        text.append(han.charAt(from));
                    }
                }
            }
            texts.add(text.toString());
        }
        // edge cases, and the dictionary's words with connectors in them (the route weighs them against the characters)
        texts.addAll(List.of("", " ", "　", "A", "ＡＢＣ有事来协商", "3.14平台46个", "c#与C++", "\uD83D", "委员工作室。。。",
                "AT&T", "at&t公司", "T&A", "&&c++#", "c+++", "ｃ＃和Ｃ＋＋"));
        assertCutAsJieba(texts);
    }

    /** Full-width letters are folded to ASCII but keep their case, as in jieba (the analyzer lower-cases next). */
    @Test
    void keepsTheLexiconsTermsWholeAndWhatJiebaDoesNotSegmentAsWritten() {
        assertEquals(List.of(new Token("有事来协商", 0, 5), new Token("平台", 5, 7), new Token("　", 7, 8),
                new Token("ABC", 8, 11)), segment("有事来协商平台　ＡＢＣ"));
    }

    private static void assertCutAsJieba(List<String> texts) {
        for (String text : texts) {
            List<Token> expected = JIEBA.process(text, JiebaSegmenter.SegMode.SEARCH).stream()
                    .map(t -> new Token(t.word, t.startOffset, t.endOffset)).toList();
            assertEquals(expected, segment(text), () -> "cut of " + text);
        }
    }

    private static List<Token> segment(String text) {
        WordSegmenter segmenter = SEGMENTER;
        int count = segmenter.segment(text);
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int start = segmenter.start(i);
            int end = segmenter.end(i);
            tokens.add(new Token(new String(segmenter.text(), start, end - start), start, end));
        }
        return tokens;
    }

    /** The gold segmentation's sentences, their words joined again. */
    private static List<String> gold(String resource) {
        try (InputStream in = WordSegmenterTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.replace(" ", ""))
                    .filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
