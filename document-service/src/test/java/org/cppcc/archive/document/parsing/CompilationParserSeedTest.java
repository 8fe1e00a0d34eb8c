package org.cppcc.archive.document.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cppcc.archive.document.divisions.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed compilation parses into exactly what it contains: nothing invented, nothing dropped. */
class CompilationParserSeedTest {

    private static ParsedCompilation compilation;

    @BeforeAll
    static void parseSeed() {
        compilation = Seed.parse(Seed.text());
    }

    @Test
    void coverGivesTitleSubtitleMeetingDateAndProvince() {
        assertEquals("推动新时代人民政协工作不断走深走实", compilation.title());
        assertEquals("全省政协工作经验交流会发言材料汇编", compilation.subtitle());
        assertEquals("全省政协工作经验交流会", compilation.meeting());
        assertEquals(LocalDate.of(2021, 9, 28), compilation.date());
        assertEquals("四川省", compilation.province());
    }

    @Test
    void twelveSpeechesInTocOrderWithCommitteeTitlePageFlagsAndRegion() {
        Object[][] expected = {
                {"政协成都市委员会", "夯实履职基础提升履职质效", "成都市", "510100", "prefecture-city", "四川省"},
                {"政协泸州市委员会", "守正创新高质量推进提案工作", "泸州市", "510500", "prefecture-city", "四川省"},
                {"政协绵阳市委员会", "构建全链条机制推动分基地建设", "绵阳市", "510700", "prefecture-city", "四川省"},
                {"政协内江市委员会", "搭建协商平台助推高质量发展", "内江市", "511000", "prefecture-city", "四川省"},
                {"政协乐山市委员会", "破解“两个薄弱”务求取得实效", "乐山市", "511100", "prefecture-city", "四川省"},
                {"政协巴中市委员会", "聚焦产业深耕“双助”", "巴中市", "511900", "prefecture-city", "四川省"},
                {"政协资阳市委员会", "发挥三个优势凝聚人心共识", "资阳市", "512000", "prefecture-city", "四川省"},
                {"政协甘孜藏族自治州委员会", "筑同心促和谐维护长治久安", "甘孜藏族自治州", "513300", "autonomous-prefecture", "四川省"},
                {"政协自贡市自流井区委员会", "加强服务管理引导委员履职尽责", "自流井区", "510302", "district", "自贡市"},
                {"政协射洪市委员会", "强化党建引领奋力取得新成效", "射洪市", "510981", "county-level-city", "遂宁市"},
                {"政协南充市顺庆区委员会", "让“有事来协商”有用好用管用", "顺庆区", "511302", "district", "南充市"},
                {"政协武胜县委员会", "创新机制抓落实深入推进“双助”活动", "武胜县", "511622", "county", "广安市"},
        };
        List<ParsedSpeech> speeches = compilation.speeches();
        assertEquals(12, speeches.size());
        for (int i = 0; i < expected.length; i++) {
            ParsedSpeech s = speeches.get(i);
            Object[] e = expected[i];
            assertEquals(i + 1, s.order());
            assertEquals(e[0], s.committee());
            assertEquals(e[1], s.title());
            assertEquals(2 * i + 1, s.tocPage(), "TOC page of speech " + (i + 1));
            assertEquals(new Region((String) e[2], (String) e[3], (String) e[4], (String) e[5]), s.region());
            assertEquals(i < 6, s.bodyAvailable(), "body of speech " + (i + 1));
            assertEquals(i == 5, s.truncated(), "truncated flag of speech " + (i + 1));
            if (i >= 6) {
                assertTrue(s.lead().isEmpty() && s.sections().isEmpty(), "outline-only speech " + (i + 1));
            }
        }
    }

    @Test
    void sectionHeadingsOfTheBodiesAreExactAndWithoutOrdinal() {
        List<List<String>> expected = List.of(
                List.of("强引领,把准履职方向", "夯基础,筑牢履职保障", "重优化,提升履职质效"),
                List.of("坚持党的领导,全过程落实责任", "坚持双向发力,全过程广泛协商", "坚持质量第一,全过程提质增效"),
                List.of("厘清“单子”统筹谋划", "找准“路子”精准实施", "迈好“步子”深度拓展"),
                List.of("以平台建设为支撑点,多层次、广覆盖,系统搭建“有事来协商”四级平台",
                        "以服务大局为着力点,跟得紧、贴得近,聚焦发展大事民生实事协商建言",
                        "以“商以成事”为落脚点,勇探索、善创新,努力实现协商成果的有效转化"),
                List.of("坚持党的领导,抓住破解“两个薄弱”的关键点", "锚定主责主业,找准加强基础工作的突破点",
                        "坚持内聚外引,扭住充实人员力量的着力点"),
                List.of("在凝聚共识上深耕细作,确保“双助”活动起步扎实", "在汇聚合力上深耕细作,确保“双助”活动取得实效"));
        for (int i = 0; i < 6; i++) {
            List<ParsedSection> sections = compilation.speeches().get(i).sections();
            assertEquals(expected.get(i), sections.stream().map(ParsedSection::heading).toList(), "speech " + (i + 1));
            for (int s = 0; s < sections.size(); s++) {
                assertEquals(s + 1, sections.get(s).ordinal());
                assertFalse(sections.get(s).paragraphs().isEmpty(), "section " + (s + 1) + " of speech " + (i + 1));
            }
        }
    }

    @Test
    void speechFourFirstHeadingIsRejoinedFromTwoLines() {
        // line 125 "一、以平台建设为支撑点,…“有事来协商”四" + line 126 "级平台"
        assertEquals("以平台建设为支撑点,多层次、广覆盖,系统搭建“有事来协商”四级平台",
                compilation.speeches().get(3).sections().get(0).heading());
        assertTrue(compilation.speeches().get(3).sections().get(0).paragraphs().get(0).startsWith("一是构建协商平台广覆盖。"));
    }

    @Test
    void outlinesComeFromTheBookmarks() {
        assertEquals(List.of("一、强引领", "二、夯基础", "三、重优化"), compilation.speeches().get(0).outline());
        assertEquals(4, compilation.speeches().get(8).outline().size());
        assertEquals(List.of("一、实行“多线”管理服务", "二、拓展知情形式", "三、开展主题活动", "四、完善激励机制"),
                compilation.speeches().get(8).outline());
        List<String> ten = compilation.speeches().get(9).outline();
        assertEquals(List.of("一、强化党建引领", "二、坚持守正创新", "三、完善制度体系"), ten);
        assertFalse(ten.contains("37.3%提升到57.1%"));
        for (ParsedSpeech s : compilation.speeches()) {
            assertFalse(s.outline().isEmpty(), "outline of speech " + s.order());
            assertFalse(s.outline().stream().anyMatch(h -> h.contains("37.3%")));
        }
        assertEquals(List.of("一、创新机制", "二、锚定目标", "三、汇聚力量"), compilation.speeches().get(11).outline());
    }

    @Test
    void bodiesKeepEverySourceCharacterAndAddNone() {
        List<String> lines = Seed.lines();
        for (int i = 0; i < 6; i++) {
            ParsedSpeech s = compilation.speeches().get(i);
            String next = i + 1 < 6 ? compilation.speeches().get(i + 1).title() : null;
            int from = bodyTitleIndex(lines, s.title());
            int to = next == null ? lines.size() : bodyTitleIndex(lines, next);
            String source = String.join("", lines.subList(from, to));

            StringBuilder rebuilt = new StringBuilder(s.title()).append(s.committee());
            s.lead().forEach(rebuilt::append);
            for (ParsedSection section : s.sections()) {
                rebuilt.append(ChineseNumerals.format(section.ordinal())).append('、').append(section.heading());
                section.paragraphs().forEach(rebuilt::append);
            }
            assertEquals(source, rebuilt.toString(), "speech " + (i + 1));
        }
    }

    @Test
    void noStoredParagraphEndsMidSentenceExceptTheCutOffOne() {
        int checked = 0;
        for (ParsedSpeech s : compilation.speeches()) {
            List<String> paragraphs = new ArrayList<>(s.lead());
            s.sections().forEach(sec -> paragraphs.addAll(sec.paragraphs()));
            for (int p = 0; p < paragraphs.size(); p++) {
                boolean last = p == paragraphs.size() - 1;
                String text = paragraphs.get(p);
                if (s.order() == 6 && last) {
                    assertTrue(text.endsWith("建立“双助”项目"), text);
                    assertFalse(endsSentence(text));
                } else {
                    assertTrue(endsSentence(text), "speech " + s.order() + " paragraph ends mid-sentence: " + text);
                }
                checked++;
            }
        }
        assertEquals(35, checked);
    }

    @Test
    void wrappedParagraphsAreRejoinedWithoutSeparator() {
        ParsedSection base = compilation.speeches().get(0).sections().get(1);
        assertTrue(base.paragraphs().get(1).endsWith("将642名委员按专业专长划分至专委会,让委员专业更“对口”。"));
        ParsedSection inner = compilation.speeches().get(4).sections().get(2);
        assertTrue(inner.paragraphs().get(0).contains("配备3~5名不等的兼职副主任"));
    }

    private static boolean endsSentence(String text) {
        String t = text.replaceAll("[”’」』）)]+$", "");
        return !t.isEmpty() && "。！？；:：…".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    /** Index of the body title line: the title on a line of its own, followed by a committee line. */
    private static int bodyTitleIndex(List<String> lines, String title) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals(title) && lines.get(i + 1).startsWith("政协")) {
                return i;
            }
        }
        throw new AssertionError("no body title line " + title);
    }
}
