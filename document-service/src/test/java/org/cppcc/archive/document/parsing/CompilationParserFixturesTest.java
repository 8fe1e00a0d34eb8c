package org.cppcc.archive.document.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.cppcc.archive.document.divisions.Region;
import org.junit.jupiter.api.Test;

/**
 * A compilation laid out differently from the seed: no bookmark block, full-width punctuation, wrapped TOC and
 * body titles, ·/. leaders, a wrapped heading, （一） sub-headings, short committee names (凉山州).
 */
class CompilationParserFixturesTest {

    private final ParsedCompilation c = Seed.parse(Seed.resource("/compilations/no-bookmarks-fullwidth.txt"));

    @Test
    void coverAndTableOfContents() {
        assertEquals("推动基层协商民主建设", c.title());
        assertEquals("全市政协工作交流会发言汇编", c.subtitle());
        assertEquals("全市政协工作交流会", c.meeting());
        assertEquals(LocalDate.of(2022, 3, 1), c.date());
        assertEquals(List.of("深化“小微协商”推动基层治理提质增效", "凝聚共识促进民族团结", "建好用好协商议事平台"),
                c.speeches().stream().map(ParsedSpeech::title).toList());
        assertEquals(List.of(1, 5, 8), c.speeches().stream().map(ParsedSpeech::tocPage).toList());
        assertEquals(List.of("政协成都市锦江区委员会", "政协凉山州委员会", "政协乐山市市中区委员会"),
                c.speeches().stream().map(ParsedSpeech::committee).toList());
        c.speeches().forEach(s -> assertTrue(s.outline().isEmpty(), "no bookmarks, no outline"));
    }

    @Test
    void regionsResolveFromTheGazetteer() {
        assertEquals(new Region("锦江区", "510104", "district", "成都市"), c.speeches().get(0).region());
        assertEquals(new Region("凉山彝族自治州", "513400", "autonomous-prefecture", "四川省"), c.speeches().get(1).region());
        assertEquals(new Region("市中区", "511102", "district", "乐山市"), c.speeches().get(2).region());
    }

    @Test
    void bodyWithWrappedTitleHeadingAndSubHeadings() {
        ParsedSpeech s = c.speeches().get(0);
        assertTrue(s.bodyAvailable());
        assertFalse(s.truncated());
        assertEquals(List.of("锦江区政协立足基层治理实际，持续深化“小微协商”。"), s.lead());
        assertEquals(2, s.sections().size());
        ParsedSection first = s.sections().get(0);
        assertEquals("健全工作机制，推动协商议事规范化、制度化、常态化运行，形成上下联动的工作格局", first.heading());
        assertEquals(List.of("（一）建立议题清单", "围绕群众急难愁盼问题，每年征集议题30余个，经审议后形成年度协商清单。",
                "（二）规范协商流程。", "明确“议题征集—调研—协商—反馈”四个环节。"), first.paragraphs());
        assertEquals(new ParsedSection(2, "拓展协商载体", List.of("在街道、社区建成协商议事室24个，实现全覆盖。")),
                s.sections().get(1));
        assertFalse(c.speeches().get(1).bodyAvailable());
        assertFalse(c.speeches().get(2).bodyAvailable());
    }

    @Test
    void aThousandTocEntriesAreAllKept() {
        StringBuilder text = new StringBuilder("目录\n");
        for (int i = 1; i <= 1000; i++) {
            text.append(i).append(".政协武胜县委员会:\n第").append(i).append("篇发言……………………").append(i).append('\n');
        }
        text.append("推动基层协商民主建设\n全市政协工作交流会发言汇编\n(2022年3月1日)\n");
        ParsedCompilation large = Seed.parse(text.toString());
        assertEquals(1000, large.speeches().size());
        assertEquals("第1000篇发言", large.speeches().get(999).title());
        assertEquals("推动基层协商民主建设", large.title());
    }
}
