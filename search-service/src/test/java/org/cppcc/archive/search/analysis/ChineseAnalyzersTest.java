package org.cppcc.archive.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class ChineseAnalyzersTest {

    @Test
    void normalizerFoldsTraditionalWidthAndCaseWithoutChangingLength() {
        assertEquals("双助", TextNormalizer.normalize("雙助"));
        assertEquals("协商会议", TextNormalizer.normalize("協商會議"));
        assertEquals("abc123%", TextNormalizer.normalize("ＡＢＣ１２３％"));
        assertEquals("n+x", TextNormalizer.normalize("N＋X"));
        String mixed = "政協“有事來協商”😀";
        assertEquals(mixed.length(), TextNormalizer.normalize(mixed).length());
    }

    @Test
    void wordsAreSegmented() throws IOException {
        assertEquals(List.of("搭建", "协商", "平台", "助推", "高质量", "发展"),
                tokens(ChineseAnalyzers.words(), "搭建协商平台助推高质量发展"));
        // SmartChinese cut these into 镇|级|协商|平|台 and 有|事|来|协商; the field's own terms stay whole (the lexicon)
        assertEquals(List.of("镇级", "协商", "平台", "46", "个"), tokens(ChineseAnalyzers.words(), "镇级协商平台46个"));
        assertEquals(List.of("做好", "有事来协商", "工作"), tokens(ChineseAnalyzers.words(), "做好“有事来协商”工作"));
    }

    @Test
    void traditionalTextIsIndexedAsSimplified() throws IOException {
        assertEquals(tokens(ChineseAnalyzers.words(), "深耕双助"), tokens(ChineseAnalyzers.words(), "深耕雙助"));
        assertEquals(List.of("双助"), tokens(ChineseAnalyzers.bigramsForQuery(), "雙助"));
    }

    @Test
    void queryBigramsCoverAnyArbitrarySubstring() throws IOException {
        assertEquals(List.of("有事", "事来", "来协"), tokens(ChineseAnalyzers.bigramsForQuery(), "有事来协"));
        assertEquals(List.of("茶"), tokens(ChineseAnalyzers.bigramsForQuery(), "茶"));
        List<String> indexed = tokens(ChineseAnalyzers.bigramsForIndex(), "有事来协商");
        assertTrue(indexed.containsAll(List.of("有", "有事", "事来", "来协", "协商", "商")), indexed.toString());
    }

    @Test
    void queryBigramsKeepNumbersAndLatinWordsBetweenThem() throws IOException {
        assertEquals(List.of("平台", "46", "个"), tokens(ChineseAnalyzers.bigramsForQuery(), "平台46个"));
        assertEquals(List.of("5g", "基站"), tokens(ChineseAnalyzers.bigramsForQuery(), "5G基站"));
        assertEquals(List.of("1", "2", "4", "n", "协商"), tokens(ChineseAnalyzers.bigramsForQuery(), "“1+2+4+N”协商"));
    }

    @Test
    void charactersKeepEveryCharacterAndPairInPlace() throws IOException {
        assertEquals(List.of("46", "4", "6个", "6", "个,", "个", ",村", ",", "村"),
                tokens(ChineseAnalyzers.charactersForIndex(), "46个，村"));
        // the pairs that cover every character: every other one and the last
        assertEquals(List.of("46", "个,", ",村"), tokens(ChineseAnalyzers.charactersForQuery(), "46个，村"));
        assertEquals(List.of("个"), tokens(ChineseAnalyzers.charactersForQuery(), "個"));
        assertEquals(List.of("😀a"), tokens(ChineseAnalyzers.charactersForQuery(), "😀Ａ"));
    }

    @Test
    void fullWidthDigitsAndLettersFold() throws IOException {
        assertEquals(tokens(ChineseAnalyzers.bigramsForQuery(), "1788名委员"),
                tokens(ChineseAnalyzers.bigramsForQuery(), "１７８８名委員"));
        assertEquals(List.of("abc"), tokens(ChineseAnalyzers.words(), "ＡＢＣ"));
    }

    @Test
    void offsetsPointIntoTheOriginalText() throws IOException {
        String text = "聚焦產業深耕“雙助”";
        try (TokenStream stream = ChineseAnalyzers.bigramsForQuery().tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.toString().equals("双助")) {
                    assertEquals("雙助", text.substring(offset.startOffset(), offset.endOffset()));
                }
            }
            stream.end();
        }
    }

    static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        }
        return out;
    }
}
