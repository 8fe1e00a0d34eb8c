package org.cppcc.archive.document.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.cppcc.archive.document.api.SpeechDetail;
import org.cppcc.archive.document.api.SpeechDetail.Paragraph;
import org.cppcc.archive.document.api.SpeechDetail.Section;
import org.cppcc.archive.document.api.SpeechInput.SectionInput;
import org.junit.jupiter.api.Test;

/** Split points and merges move paragraphs and headings only, and a merge undoes a split. */
class SpeechBodyTest {

    /** Two speeches the parser read as one: 自贡's header lines ended up as paragraphs p-4 and p-5 of 德阳's. */
    static final SpeechDetail JOINED = speech(List.of("德阳市政协坚持围绕中心、服务大局。"),
            List.of(new SectionInput(1, "聚焦重点协商议政", List.of("全年开展协商活动36次。", "形成建议120条。")),
                    new SectionInput(2, "创新载体", List.of("建成协商议事室46个。", "发挥专门协商机构作用助推自贡高质量发展",
                            "政协自贡市委员会", "自贡市政协着力发挥专门协商机构作用。")),
                    new SectionInput(1, "强化协商", List.of("围绕盐业转型开展协商。"))));

    @Test
    void aParagraphInsideASectionLeavesTheHeadingAndTheRestBecomesTheLead() {
        SpeechBody.Halves halves = SpeechBody.split(JOINED, "p-4");
        assertEquals(List.of("德阳市政协坚持围绕中心、服务大局。"), halves.first().lead());
        assertEquals(List.of(JOINED_SECTION(0), new SectionInput(2, "创新载体", List.of("建成协商议事室46个。"))),
                halves.first().sections());
        assertEquals(List.of("发挥专门协商机构作用助推自贡高质量发展", "政协自贡市委员会", "自贡市政协着力发挥专门协商机构作用。"),
                halves.second().lead());
        assertEquals(List.of(JOINED_SECTION(2)), halves.second().sections());
    }

    @Test
    void aParagraphThatOpensItsSectionTakesTheHeadingAlong() {
        SpeechBody.Halves halves = SpeechBody.split(JOINED, "p-7");
        assertEquals(List.of(JOINED_SECTION(0), JOINED_SECTION(1)), halves.first().sections());
        assertEquals(List.of(), halves.second().lead());
        assertEquals(List.of(JOINED_SECTION(2)), halves.second().sections());
    }

    @Test
    void aLeadParagraphCanBeTheSplitPoint() {
        SpeechDetail leadOnly = speech(List.of("第一篇的导语。", "第二篇的标题", "第二篇的导语。"), List.of());
        SpeechBody.Halves halves = SpeechBody.split(leadOnly, "lead-2");
        assertEquals(new SpeechBody(List.of("第一篇的导语。"), List.of()), halves.first());
        assertEquals(new SpeechBody(List.of("第二篇的标题", "第二篇的导语。"), List.of()), halves.second());
    }

    @Test
    void splittingAtTheBeginningOrAtAnUnknownParagraphIsRefused() {
        assertEquals("at", assertThrows(InvalidReferenceException.class, () -> SpeechBody.split(JOINED, "lead-1"))
                .field());
        assertThrows(InvalidReferenceException.class, () -> SpeechBody.split(JOINED, "lead-2"));
        assertThrows(InvalidReferenceException.class, () -> SpeechBody.split(JOINED, "p-8"));
        assertThrows(InvalidReferenceException.class, () -> SpeechBody.split(JOINED, "p-0"));
        SpeechDetail noLead = speech(List.of(), JOINED.sections().stream()
                .map(s -> new SectionInput(s.ordinal(), s.heading(), s.paragraphs().stream().map(Paragraph::text)
                        .toList()))
                .toList());
        assertThrows(InvalidReferenceException.class, () -> SpeechBody.split(noLead, "p-1"));
    }

    @Test
    void mergingTheHalvesGivesBackTheWholeBodyAtEverySplitPoint() {
        for (int p = 1; p <= 7; p++) {
            SpeechBody.Halves halves = SpeechBody.split(JOINED, "p-" + p);
            assertEquals(SpeechBody.of(JOINED), halves.first().followedBy(halves.second()), "p-" + p);
        }
    }

    @Test
    void aMergedLeadContinuesTheLastSection() {
        SpeechBody first = new SpeechBody(List.of("导语。"), List.of(new SectionInput(1, "一", List.of("甲。"))));
        SpeechBody second = new SpeechBody(List.of("乙。"), List.of(new SectionInput(2, "二", List.of("丙。"))));
        assertEquals(new SpeechBody(List.of("导语。"), List.of(new SectionInput(1, "一", List.of("甲。", "乙。")),
                new SectionInput(2, "二", List.of("丙。")))), first.followedBy(second));
        assertEquals(new SpeechBody(List.of("导语。", "乙。"), second.sections()),
                new SpeechBody(List.of("导语。"), List.of()).followedBy(second));
    }

    private static SectionInput JOINED_SECTION(int i) {
        return SpeechBody.of(JOINED).sections().get(i);
    }

    private static SpeechDetail speech(List<String> lead, List<SectionInput> sections) {
        List<Section> numbered = new ArrayList<>();
        int p = 0;
        for (SectionInput s : sections) {
            List<Paragraph> paragraphs = new ArrayList<>();
            for (String text : s.paragraphs()) {
                paragraphs.add(new Paragraph("p-" + (++p), text));
            }
            numbered.add(new Section(s.ordinal(), s.heading(), paragraphs));
        }
        return new SpeechDetail(5L, 2, "政协德阳市委员会", "committee", null, "德阳市", "510600", "prefecture-city",
                "四川省", "聚焦中心大局彰显政协担当", null, null, 3, true, false, 1L, 1, lead, numbered, List.of(), null, null,
                null, null);
    }
}
