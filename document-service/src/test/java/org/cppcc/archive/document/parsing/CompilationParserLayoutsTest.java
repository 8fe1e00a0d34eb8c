package org.cppcc.archive.document.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.cppcc.archive.document.divisions.Gazetteer;
import org.junit.jupiter.api.Test;

/** Small layouts the unseen fixtures do not show, each feature on its own. */
class CompilationParserLayoutsTest {

    private static final CompilationParser PARSER = new CompilationParser(Gazetteer.national());

    @Test
    void theIssuesExampleParsesWhereItUsedToBeRefusedAtLineOne() {
        String text = """
                推动基层协商提质增效
                全市政协工作经验交流会发言材料
                （2022年6月18日）
                目  录
                1．政协绵阳市委员会：搭建平台促协商……………1
                2．政协江油市委员会：委员下沉进网格……………2
                搭建平台促协商
                政协绵阳市委员会
                全市建成协商议事室120个。
                － 1 －
                委员下沉进网格
                政协江油市委员会
                全市312名委员编入网格。
                """;
        ParsedCompilation c = PARSER.parse(text, ParseOptions.TEXT.strictly(true));
        assertEquals("推动基层协商提质增效", c.title());
        assertEquals(List.of("政协绵阳市委员会", "政协江油市委员会"), c.speeches().stream().map(ParsedSpeech::committee).toList());
        assertEquals(List.of("全市312名委员编入网格。"), c.speeches().get(1).lead());
        assertEquals("四川省", c.province());
        assertEquals(1.0, c.coverage());
    }

    @Test
    void tocHeadedMuCiWithUnnumberedTwoLineEntries() {
        String text = """
                目次
                政协泸州市委员会
                守正创新推进提案工作……3
                政协乐山市委员会
                破解两个薄弱·······9
                """;
        ParsedCompilation c = PARSER.parse(text);
        assertEquals(List.of(3, 9), c.speeches().stream().map(ParsedSpeech::tocPage).toList());
        assertEquals("破解两个薄弱", c.speeches().get(1).title());
        assertTrue(c.speeches().stream().noneMatch(ParsedSpeech::bodyAvailable));
    }

    @Test
    void thePrefacesOwnTocEntryIsNoSpeechAndThePrefaceIsKept() {
        String text = """
                目录
                前言………………1
                1.政协泸州市委员会:守正创新推进提案工作……3
                前言
                本汇编收录发言材料1篇。
                守正创新推进提案工作
                政协泸州市委员会
                泸州市政协始终把提案工作放在重要位置。
                """;
        ParsedCompilation c = PARSER.parse(text, ParseOptions.TEXT.strictly(true));
        assertEquals(List.of("本汇编收录发言材料1篇。"), c.preface());
        assertEquals(1, c.speeches().size());
        assertEquals(List.of("泸州市政协始终把提案工作放在重要位置。"), c.speeches().get(0).lead());
    }

    @Test
    void parenthesisedNumeralsAreTheSectionsWhenTheyAloneNumberTheBody() {
        String text = """
                完善协商机制
                政协内江市委员会
                内江市政协搭建协商平台。
                （一）建平台
                建成协商平台46个。
                （二）强队伍
                1788名委员划入10个工作组。
                """;
        ParsedSpeech s = PARSER.parse(text).speeches().get(0);
        assertEquals(List.of("建平台", "强队伍"), s.sections().stream().map(ParsedSection::heading).toList());
        assertEquals(List.of("1788名委员划入10个工作组。"), s.sections().get(1).paragraphs());
    }

    @Test
    void wordHeadingLinesWithoutOrdinalAreSectionsInOrder() {
        String text = String.join("\n", "完善协商机制", "政协内江市委员会", "内江市政协搭建协商平台。", "建平台",
                "建成协商平台46个。", "强队伍", "委员划入工作组。");
        ParsedSpeech s = PARSER.parse(text, new ParseOptions(false, true, Set.of(4, 6))).speeches().get(0);
        assertEquals(List.of(new ParsedSection(1, "建平台", List.of("建成协商平台46个。")),
                new ParsedSection(2, "强队伍", List.of("委员划入工作组。"))), s.sections());
        assertEquals(List.of("内江市政协搭建协商平台。"), s.lead());
    }

    @Test
    void anUndecodableGlyphIsKeptWithAWarningForItsLine() {
        String text = "完善协商机制\n政协内江市委员会\n建成协商平台4\uFFFD个。\n";
        ParsedCompilation c = PARSER.parse(text);
        assertEquals(List.of("建成协商平台4\uFFFD个。"), c.speeches().get(0).lead());
        assertEquals(3, c.warnings().get(0).line());
        assertNull(c.speeches().get(0).tocPage());
    }

    @Test
    void aCoverDatedInChineseNumeralsKeepsItsIssuingOfficeOutOfTheSubtitle() {
        String text = """
                推动基层协商提质增效
                全市政协工作经验交流会发言材料
                四川省政协办公厅
                二○二三年十二月
                搭建平台促协商
                政协绵阳市委员会
                全市建成协商议事室120个。
                """;
        ParsedCompilation c = PARSER.parse(text);
        assertEquals("推动基层协商提质增效", c.title());
        assertEquals("全市政协工作经验交流会发言材料", c.subtitle());
        assertEquals("全市政协工作经验交流会", c.meeting());
        assertEquals(LocalDate.of(2023, 12, 1), c.date());
        assertEquals(List.of("四川省政协办公厅"), c.unplaced().stream().map(UnplacedText::text).toList());
        assertEquals(List.of("政协绵阳市委员会"), c.speeches().stream().map(ParsedSpeech::committee).toList());
    }

    @Test
    void aCoverShapedLikeASpeechHeaderAndTocEntriesGivingTheSpeakerInBracketsAfterTheTitle() {
        String text = """
                凝心聚智　提质增效
                ——全省政协提案工作会议交流材料
                四川省政协提案委员会
                2023年4月20日
                目录
                一、搭建平台促协商（政协绵阳市委员会）………1
                二、委员下沉进网格（政协江油市委员会提案委员会）………2
                搭建平台促协商
                政协绵阳市委员会主席　和晓东
                全市建成协商议事室120个。
                委员下沉进网格
                全市312名委员编入网格。
                """;
        ParsedCompilation c = PARSER.parse(text);
        assertEquals("凝心聚智　提质增效", c.title());
        assertEquals("——全省政协提案工作会议交流材料", c.subtitle());
        assertEquals(LocalDate.of(2023, 4, 20), c.date());
        assertEquals(List.of("政协绵阳市委员会", "政协江油市委员会提案委员会"),
                c.speeches().stream().map(ParsedSpeech::committee).toList());
        assertEquals(List.of("搭建平台促协商", "委员下沉进网格"), c.speeches().stream().map(ParsedSpeech::title).toList());
        assertEquals(List.of(1, 2), c.speeches().stream().map(ParsedSpeech::tocPage).toList());
        assertEquals("和晓东", c.speeches().get(0).speakerName());
        assertEquals(List.of("全市312名委员编入网格。"), c.speeches().get(1).lead());
    }
}
