package org.cppcc.archive.document.divisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which lines name a speaker, of which kind, and which do not. */
class SpeakersTest {

    private static Optional<Speaker> speaker(String text) {
        return Speakers.recognise(text);
    }

    private static void assertSpeaker(String text, String name, SpeakerKind kind, String person) {
        assertEquals(Optional.of(new Speaker(name, kind, person)), speaker(text), text);
    }

    private static void assertKind(SpeakerKind kind, String... texts) {
        for (String text : texts) {
            assertEquals(Optional.of(kind), speaker(text).map(Speaker::kind), text);
        }
    }

    private static void assertNoSpeaker(String... texts) {
        for (String text : texts) {
            assertEquals(Optional.empty(), speaker(text), text);
        }
    }

    @Test
    void committeesInEveryCommonForm() {
        assertKind(SpeakerKind.COMMITTEE, "政协成都市委员会", "中国人民政治协商会议成都市委员会", "成都市政协", "青羊区政协",
                "政协杭州市西湖区委员会", "政协甘孜藏族自治州委员会", "政协甘孜州委员会", "政协北川羌族自治县委员会", "四川省政协",
                "省政协", "市政协", "县政协", "政协四川省委员会", "中国人民政治协商会议全国委员会", "全国政协", "广西政协",
                "内蒙古政协", "政协神农架林区委员会", "政协XX市委员会", "××县政协");
    }

    @Test
    void theNameIsAsWrittenWithoutListNumberColonOrTrailingSpaces() {
        assertSpeaker("政协成都市委员会", "政协成都市委员会", SpeakerKind.COMMITTEE, null);
        assertSpeaker("1．政协成都市委员会：", "政协成都市委员会", SpeakerKind.COMMITTEE, null);
        assertSpeaker("12.政协自贡市自流井区委员会:  ", "政协自贡市自流井区委员会", SpeakerKind.COMMITTEE, null);
        assertSpeaker("（3）青羊区政协", "青羊区政协", SpeakerKind.COMMITTEE, null);
        assertSpeaker("3、民盟成都市委", "民盟成都市委", SpeakerKind.PARTY, null);
        assertSpeaker("　　政协 成都市 委员会　", "政协 成都市 委员会", SpeakerKind.COMMITTEE, null);
        assertSpeaker("政协成都市委员会\r", "政协成都市委员会", SpeakerKind.COMMITTEE, null);
    }

    @Test
    void anOfficeAndItsHolderAfterTheBodyNameThePerson() {
        assertSpeaker("政协成都市委员会主席 张三", "政协成都市委员会", SpeakerKind.COMMITTEE, "张三");
        assertSpeaker("政协武胜县委员会副主席　李四", "政协武胜县委员会", SpeakerKind.COMMITTEE, "李四");
        assertSpeaker("政协自贡市委员会党组书记、主席 王五", "政协自贡市委员会", SpeakerKind.COMMITTEE, "王五");
        assertSpeaker("成都市政协秘书长 欧阳明", "成都市政协", SpeakerKind.COMMITTEE, "欧阳明");
        assertSpeaker("民革四川省委会主委 赵六", "民革四川省委会", SpeakerKind.PARTY, "赵六");
        assertSpeaker("四川省工商联副会长 钱七", "四川省工商联", SpeakerKind.FEDERATION, "钱七");
        assertSpeaker("政协四川省委员会提案委员会主任 孙八", "政协四川省委员会提案委员会", SpeakerKind.SPECIAL_COMMITTEE, "孙八");
        assertSpeaker("政协伊宁市委员会副主席 阿不都·热合曼", "政协伊宁市委员会", SpeakerKind.COMMITTEE, "阿不都·热合曼");
    }

    @Test
    void aNameSetOffByASpaceAfterTheOfficeNeedsNoCommonSurname() {
        assertSpeaker("政协宁蒗彝族自治县委员会主席　和志刚", "政协宁蒗彝族自治县委员会", SpeakerKind.COMMITTEE, "和志刚");
        assertSpeaker("云南省政协提案委员会副主任 时雨", "云南省政协提案委员会", SpeakerKind.SPECIAL_COMMITTEE, "时雨");
        // without the space nothing says where the office ends and a name starts: 主席会议 is no person
        assertNoSpeaker("政协宁蒗彝族自治县委员会主席和志刚", "政协云南省委员会主席会议");
    }

    @Test
    void democraticParties() {
        assertKind(SpeakerKind.PARTY, "民革四川省委会", "民盟成都市委", "民建四川省委", "民进四川省委员会", "农工党四川省委会",
                "致公党四川省委", "九三学社浙江省委员会", "台盟四川省委", "中国国民党革命委员会四川省委员会", "中国民主同盟四川省委员会",
                "中国民主建国会成都市委员会", "中国民主促进会四川省委员会", "中国农工民主党四川省委员会", "中国致公党四川省委员会",
                "台湾民主自治同盟四川省委员会", "民进中央", "九三学社中央委员会", "九三学社", "民盟广西区委");
    }

    @Test
    void theFederationOfIndustryAndCommerce() {
        assertKind(SpeakerKind.FEDERATION, "四川省工商联", "省工商联", "工商联", "成都市工商业联合会", "四川省工商业联合会（总商会）",
                "全国工商联");
        assertSpeaker("省工商联（总商会）", "省工商联（总商会）", SpeakerKind.FEDERATION, null);
    }

    @Test
    void sectorGroups() {
        assertKind(SpeakerKind.SECTOR, "经济界别", "农业界别", "特邀界", "经济界", "文化艺术界", "医药卫生界", "无党派人士界别",
                "省政协经济界别", "政协四川省委员会农业界别", "共青团和青联界别");
    }

    @Test
    void specialCommittees() {
        assertKind(SpeakerKind.SPECIAL_COMMITTEE, "政协四川省委员会提案委员会", "政协四川省委员会经济委员会",
                "政协四川省委员会社会和法制委员会", "四川省政协文化文史和学习委员会", "成都市政协人口资源环境委员会",
                "政协成都市委员会港澳台侨和外事委员会", "政协提案委员会", "全国政协社会和法制委员会");
    }

    @Test
    void members() {
        assertSpeaker("张三委员", "张三委员", SpeakerKind.MEMBER, "张三");
        assertSpeaker("张三 委员", "张三 委员", SpeakerKind.MEMBER, "张三");
        assertSpeaker("委员 张三", "委员 张三", SpeakerKind.MEMBER, "张三");
        assertSpeaker("省政协委员 李四", "省政协委员 李四", SpeakerKind.MEMBER, "李四");
        assertSpeaker("全国政协委员　王五", "全国政协委员　王五", SpeakerKind.MEMBER, "王五");
        assertSpeaker("政协委员 赵六", "政协委员 赵六", SpeakerKind.MEMBER, "赵六");
        assertSpeaker("李四（省政协委员、四川大学教授）", "李四（省政协委员、四川大学教授）", SpeakerKind.MEMBER, "李四");
        assertSpeaker("4．李四(市政协委员，某公司董事长)：", "李四(市政协委员，某公司董事长)", SpeakerKind.MEMBER, "李四");
        assertSpeaker("政协成都市委员会委员 王五", "政协成都市委员会委员 王五", SpeakerKind.MEMBER, "王五");
        assertSpeaker("省政协常委 欧阳明", "省政协常委 欧阳明", SpeakerKind.MEMBER, "欧阳明");
        assertSpeaker("司马光委员", "司马光委员", SpeakerKind.MEMBER, "司马光");
        assertSpeaker("买买提·艾力委员", "买买提·艾力委员", SpeakerKind.MEMBER, "买买提·艾力");
    }

    @Test
    void sentencesTitlesAndHeadingsAreNotSpeakers() {
        assertNoSpeaker("推动政协委员履职尽责", "一、加强委员管理", "政协委员要……。", "政协委员要发挥作用",
                "（一）强化委员责任担当", "坚持把政协委员队伍建设摆在突出位置", "全体委员", "各位委员", "广大委员",
                "常务委员", "政协委员", "委员", "政协", "政协委员会", "委员会", "民进党", "",
                "   ", "：", "1．", "第一，充分发挥政协委员主体作用", "政协成都市委员会：聚焦主责主业 助推高质量发展……1",
                "聚焦主责主业　助推高质量发展", "关于加强委员履职的思考", "《政协委员履职手册》", "开阔眼界", "世界",
                "“政协委员之家”建设", "政协委员工作室", "推动政协委员会", "政协成都市委员会办公室", "政协要发挥专门委员会",
                "政协成都市委员会主席", "政协成都市委员会主席 张三丰李四光", "李四（四川大学教授）", "跨界别",
                "2022年6月", "－ 1 －", "目  录", "政协工作", "市政协工作报告", "张三", "民革、民盟", "经济界、农业界",
                "张三、李四委员", "政协成都市委员会、政协自贡市委员会", "政协成都市委员会主席、", "政协成都市委员会、主席 张三");
    }

    @Test
    void aWholeParagraphIsNotASpeaker() {
        assertNoSpeaker("近年来，政协成都市委员会坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，"
                + "围绕中心、服务大局，充分发挥专门协商机构作用。",
                "政协成都市委员会".repeat(10), "张三委员".repeat(20));
    }

    @Test
    void hostileInputsTakeBoundedTime() {
        List<String> hostile = List.of("政协".repeat(50_000), "委".repeat(100_000), "(".repeat(100_000),
                "1".repeat(100_000), "政协" + "成都市".repeat(30_000) + "委员会", "界".repeat(100_000),
                "张".repeat(100_000) + "委员", " ".repeat(100_000) + "政协成都市委员会",
                // within the length limit: the most work one call can be given
                "政协" + "委员会".repeat(39), "政协成都市委员会" + "主席、".repeat(37), "(".repeat(60) + ")".repeat(59),
                "民盟" + "委".repeat(110), "成都市".repeat(19) + "政协" + "界".repeat(60));
        // a guard against a hang (quadratic or worse scanning), not a timing figure: as the parser's hostile-input tests
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int round = 0; round < 100; round++) {
                for (String text : hostile) {
                    assertEquals(Optional.empty(), speaker(text));
                }
            }
        });
        assertNoSpeaker((String) null);
    }

    @Test
    void oddButHarmlessInputs() {
        assertNoSpeaker("(1", "1)", "()", "(政协成都市委员会)", "政协成都市委员会)", "\uFFFD\uFFFD委员", "政协成都市\uFFFD委员会");
        assertSpeaker("政协ＸＸ市委员会", "政协ＸＸ市委员会", SpeakerKind.COMMITTEE, null);
    }
}
