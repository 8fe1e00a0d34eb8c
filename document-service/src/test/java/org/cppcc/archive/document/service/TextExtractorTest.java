package org.cppcc.archive.document.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.cppcc.archive.document.parsing.ParseOptions;
import org.cppcc.archive.document.support.DocxFixture;
import org.cppcc.archive.document.support.PdfFixture;
import org.junit.jupiter.api.Test;

/** Text and parse options from real .docx (Apache POI) and .pdf (PDFBox) files, and what is refused. */
class TextExtractorTest {

    private final TextExtractor extractor = new TextExtractor();

    static final String DOCX = """
            推进协商民主广泛多层制度化发展
            （2022年12月）

            [H1] “朝阳协商”让居民成为社区治理的主角
            朝阳区政协
            　　朝阳区政协围绕基层治理难点，打造“朝阳协商”品牌，推动协商民主在街乡落地生根。
            [H2] 一、构建区、街乡、社区三级协商体系
            [B]二、聚焦高频问题开展协商。[/B]两年来开展协商议事活动620余场。""";

    @Test
    void aDocxGivesOneLinePerParagraphAndItsHeadingStyles() {
        ExtractedText text = extractor.fromFile(DocxFixture.fromMarkup(DOCX), "汇编.docx", null);
        assertEquals(List.of("推进协商民主广泛多层制度化发展", "（2022年12月）", "",
                "“朝阳协商”让居民成为社区治理的主角", "朝阳区政协",
                "　　朝阳区政协围绕基层治理难点，打造“朝阳协商”品牌，推动协商民主在街乡落地生根。",
                "一、构建区、街乡、社区三级协商体系", "二、聚焦高频问题开展协商。两年来开展协商议事活动620余场。"),
                text.text().lines().toList());
        assertEquals(new ParseOptions(false, true, Set.of(4, 7)), text.options(),
                "lines are paragraphs; Heading 1 and 2 are headings, the bold run-in heading is not");
    }

    @Test
    void aPdfGivesItsTextDumpWithUnmappedGlyphsKeptAsReplacementCharacters() {
        String markup = """
                开封市政协协商议事工作交流材料
                \\f
                鼓楼区政协在全区建成协商议事室1\uFFFD6个，
                实现街道全覆盖。""";
        ExtractedText text = extractor.fromFile(PdfFixture.fromMarkup(markup), "汇编.pdf", "application/pdf");
        List<String> lines = text.text().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertEquals(List.of("开封市政协协商议事工作交流材料", "鼓楼区政协在全区建成协商议事室1\uFFFD6个，", "实现街道全覆盖。"),
                lines);
        assertEquals(ParseOptions.TEXT, text.options());
    }

    @Test
    void utf8TextIsTakenAsAWrappedDump() {
        ExtractedText text = extractor.fromFile("政协成都市委员会\n".getBytes(StandardCharsets.UTF_8), "a.txt", null);
        assertEquals("政协成都市委员会\n", text.text());
        assertEquals(ParseOptions.TEXT, text.options());
    }

    @Test
    void textThatIsNotUtf8AndDamagedFilesAreUnreadable() {
        byte[] gbk = "政协成都市委员会".getBytes(Charset.forName("GBK"));
        assertThrows(UnreadableContentException.class, () -> extractor.fromFile(gbk, "gbk.txt", "text/plain"));
        assertThrows(UnreadableContentException.class, () -> extractor.fromPlainText(gbk));
        assertThrows(UnreadableContentException.class, () -> extractor.fromFile(gbk, "broken.docx", null));
        assertThrows(UnreadableContentException.class, () -> extractor.fromFile(gbk, "broken.pdf", null));
    }

    @Test
    void otherFileTypesAreUnsupported() {
        UnsupportedFileTypeException e = assertThrows(UnsupportedFileTypeException.class,
                () -> extractor.fromFile(new byte[] { 1, 2 }, "汇编.doc", "application/msword"));
        assertTrue(e.getMessage().contains(".docx"));
        assertFalse(e.getMessage().isBlank());
    }
}
