package org.cppcc.archive.stats.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FactExtractorTest {

    private final FactExtractor extractor = new FactExtractor();

    private ExtractedFact only(String text) {
        List<ExtractedFact> facts = extractor.extract(text);
        assertEquals(1, facts.size(), () -> "one fact in " + text + " but " + facts);
        return facts.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "今年7月,泸州市政协参加了座谈会。", "到今年8月底,全市陆续建成。", "2021年是开局之年。",
            "(2021年9月28日)", "举办“庆祝中国共产党成立100周年”书画展等。", "庆祝建党100周年。", "一是构建协商平台广覆盖。",
            "坚持“第一议题”制度。", "第一,加强学习。", "构建形成“1+2+4+N”协商体系。", "搭建1+2+4+X协商平台。",
            "围绕学习习近平总书记“七一”重要讲话精神。", "为科学编制内江‘十四五’规划建言献策。", "十四五规划开局。",
            "市县两级政协深入一线。", "系统搭建“有事来协商”四级平台", "提案工作是人民政协一项特色鲜明的工作。",
            "推动实现党的组织和工作“两个全覆盖”。", "实施“四个一批”举措。", "一、强引领", "(一)加强学习", "1.政协成都市委员会:",
            "党委、政府、政协三方联合交办。", "每年5月开展提案办理协商月活动。", "新建的万亩茶叶基地,新增的千头南江黄羊。",
            "政协第十四届一次会议期间,委员积极建言。", "十三届三次会议以来,提案工作稳步推进。", "交办的问题在6个月内办结。",
            "全省60岁以上老年人占比较高。", "群众满意率达9\uFFFD.5%。", "千方百计为百姓办实事。", "近百年来变化巨大。" })
    void notFacts(String text) {
        assertEquals(List.of(), extractor.extract(text), text);
    }

    @Test
    void chineseNumeralsWithClassifiers() {
        ExtractedFact twice = only("先后两次召开分基地建设推进会,部署相关工作。");
        assertEquals(new BigDecimal("2"), twice.value());
        assertEquals("次", twice.unit());
        assertEquals("分基地建设推进会", twice.subject());
        assertEquals(Category.activity, twice.category());

        ExtractedFact twelve = only("共举办十二期委员培训。");
        assertEquals(new BigDecimal("12"), twelve.value());
        assertEquals("期", twelve.unit());

        ExtractedFact ten = only("全市组建十个工作组。");
        assertEquals(new BigDecimal("10"), ten.value());
        assertEquals(Category.body, ten.category());

        ExtractedFact four = only("将发展四大特色产业作为导向。");
        assertEquals(new BigDecimal("4"), four.value());
        assertEquals("特色产业", four.subject());
        assertEquals(Category.economic, four.category());
    }

    @Test
    void multipliersAndHedges() {
        ExtractedFact bags = only("推动通江县新种银耳菌种162万袋,成效明显。");
        assertEquals(new BigDecimal("1620000"), bags.value());
        assertEquals("袋", bags.unit());

        ExtractedFact money = only("招商引资签约资金近2亿元。");
        assertEquals(new BigDecimal("200000000"), money.value());
        assertEquals(Approx.nearly, money.approx());
        assertEquals("元", money.unit());
        assertEquals("近2亿元", money.text());

        ExtractedFact about = only("参与群众约3000人。");
        assertEquals(Approx.about, about.approx());
        assertEquals(new BigDecimal("3000"), about.value());

        ExtractedFact over = only("提出建议20余条。");
        assertEquals(Approx.over, over.approx());
        ExtractedFact more = only("收集社情民意信息100多条。");
        assertEquals(Approx.over, more.approx());
        assertEquals(Category.output, more.category());
    }

    @Test
    void rangesAndChanges() {
        ExtractedFact range = only("每个专委会办公室配备3—4名工作人员,保障“有人做事”。");
        assertEquals(new BigDecimal("3"), range.range().min());
        assertEquals(new BigDecimal("4"), range.range().max());
        assertEquals("工作人员", range.subject());
        assertEquals(Category.staff, range.category());

        ExtractedFact tilde = only("配备3~5名不等的兼职副主任。");
        assertEquals(new BigDecimal("5"), tilde.range().max());
        assertEquals("兼职副主任", tilde.subject());

        ExtractedFact grew = only("将市政协专委会由8个扩至10个;");
        assertEquals(new BigDecimal("8"), grew.change().from());
        assertEquals(new BigDecimal("10"), grew.change().to());
        assertEquals(new BigDecimal("10"), grew.value());
        assertEquals("由8个扩至10个", grew.text());

        ExtractedFact age = only("机关干部平均年龄从48岁降至45岁,年龄和知识结构得到改善。");
        assertEquals(new BigDecimal("48"), age.change().from());
        assertEquals("岁", age.unit());

        ExtractedFact percent = only("37.3%提升到57.1%");
        assertEquals(new BigDecimal("37.3"), percent.change().from());
        assertEquals(new BigDecimal("57.1"), percent.change().to());
        assertEquals("%", percent.unit());
    }

    @Test
    void platformsByTier() {
        List<ExtractedFact> facts = extractor.extract(
                "带动五县(区)建成各具地域特色的县级平台,为镇、村树立示范标杆。到今年8月底,全市陆续建成镇级协商平台46个、村级平台23个,初步形成网络。");
        assertEquals(3, facts.size(), facts::toString);
        assertEquals(Tier.county, facts.get(0).tier());
        assertEquals(new BigDecimal("5"), facts.get(0).value());
        assertEquals(Tier.township, facts.get(1).tier());
        assertEquals("镇级协商平台", facts.get(1).subject());
        assertEquals(Tier.village, facts.get(2).tier());
        facts.forEach(f -> assertEquals(Category.platform, f.category()));
    }

    @Test
    void offsetsAndSentence() {
        String paragraph = "夯实专委会工作基础。做实机构,增设1个专委会和2个工作委员会。在志愿申请基础上,将642名委员按专业专长划分至专委会。";
        List<ExtractedFact> facts = extractor.extract(paragraph);
        assertEquals(3, facts.size());
        ExtractedFact members = facts.get(2);
        assertEquals("642名", paragraph.substring(members.start(), members.end()));
        assertEquals("在志愿申请基础上,将642名委员按专业专长划分至专委会。", members.sentence());
        assertEquals(paragraph.indexOf("在志愿"), members.sentenceStart());
        assertEquals(Category.member, members.category());
        assertEquals(Category.body, facts.get(1).category());
        assertEquals("工作委员会", facts.get(1).subject());
    }

    @Test
    void longQuotationsStillStateFacts() {
        List<ExtractedFact> facts = extractor.extract(
                "提出“市县政协每年至少9次协商活动、镇(街)每季度开展1次协商活动,村(社)多频次开展小微协商活动”的指导性目标任务。");
        assertEquals(2, facts.size());
        assertEquals(Approx.atLeast, facts.get(0).approx());
        assertNull(facts.get(1).approx());
    }

    @Test
    void memberCoverage() {
        String sentence = "市县两级政协1788名委员全部划入10个工作组,深入一线。";
        ExtractedFact members = extractor.extract(sentence).get(0);
        MemberCoverage.Coverage coverage = MemberCoverage.of(members.sentence(), members.end() - members.sentenceStart(), members.subject());
        assertEquals(1.0, coverage.coverage());
        assertEquals("10个工作组", coverage.assignedTo());

        MemberCoverage.Coverage chengdu = MemberCoverage.of("将642名委员按专业专长划分至专委会,让委员专业更“对口”。", 5, "委员");
        assertNull(chengdu.coverage());
        assertEquals("专委会", chengdu.assignedTo());
        assertEquals("专业专长", chengdu.basis());
    }

    @Test
    void occasionsAreActivitiesWhateverTheyCount() {
        assertEquals(Category.activity, only("全年召开常委会议4次。").category());
        assertEquals(Category.activity, only("开展界别协商12场。").category());
        ExtractedFact turnout = only("参加培训的委员达1200余人次。");
        assertEquals("人次", turnout.unit());
        assertEquals(Approx.over, turnout.approx());
        assertEquals(Category.activity, turnout.category());
    }

    @Test
    void ratesAndSharesAreOtherThanWhatTheyMeasure() {
        assertEquals(Category.other, only("提案办复率达到100%。").category());
        assertEquals(Category.other, only("委员提案占比38.5%。").category());
        assertEquals("大型仪器开放共享率", only("大型仪器开放共享率超过80%。").subject()); // 共 is not its verb
    }

    @Test
    void documentsAndDeedsByTheirUnitOrHead() {
        assertEquals(Category.output, only("形成调研报告15份。").category());
        assertEquals(Category.output, only("领导作出批示21件次。").category());
        assertEquals(Category.other, only("为群众办实事300余件。").category());
        assertEquals(Category.member, only("由1名常委牵头。").category());
    }

    @Test
    void aBracketedGlossStaysInsideTheNounPhrase() {
        ExtractedFact rooms = only("全县建成社区（村）级议事室58个。");
        assertEquals("社区（村）级议事室", rooms.subject());
        assertEquals(Tier.village, rooms.tier());
        assertEquals("“连心议事厅”", only("建成“连心议事厅”23个。").subject());
    }

    @Test
    void aCountWithoutItsNounCountsWhatTheSentenceCountedBefore() {
        List<ExtractedFact> proposals = extractor.extract("共收到提案326件,其中218件被列为重点提案。");
        assertEquals("提案", proposals.get(1).subject());
        assertEquals(Category.output, proposals.get(1).category());
        List<ExtractedFact> adopted = extractor.extract("报送社情民意信息520条,被省政协采用96条。");
        assertEquals("社情民意信息", adopted.get(1).subject());
    }

    @Test
    void platformsTakeTheTierOfThePlaceTheyWereBuiltIn() {
        List<ExtractedFact> facts = extractor.extract("在苏木镇建成协商议事室35个,在嘎查建成议事点210个。");
        assertEquals(Tier.township, facts.get(0).tier());
        assertEquals(Tier.village, facts.get(1).tier());
        assertEquals(Tier.county, Subjects.tier("旗级协商平台"));
        assertEquals(Tier.city, Subjects.tier("盟级议事厅"));
    }

    @Test
    void floorsAndCeilingsAreHedges() {
        ExtractedFact floor = only("每年安排专项资金不低于5000万元。");
        assertEquals(Approx.atLeast, floor.approx());
        assertEquals("不低于5000万元", floor.text());
        assertEquals(0, new BigDecimal("50000000").compareTo(floor.value()));
        ExtractedFact over = only("群众满意率达98%以上。");
        assertEquals(Approx.over, over.approx());
        assertEquals("98%以上", over.text());
    }

    @Test
    void aFigureForEachIsMarkedAsSuch() {
        List<ExtractedFact> facts = extractor.extract("全区312名委员全部编入联络组,每个联络组配备3—5名驻点委员,每年至少开展4次活动。");
        assertNull(facts.get(0).per());
        assertEquals("每个联络组", facts.get(1).per());
        assertEquals("每年", facts.get(2).per());
        assertEquals("每组", only("每组7名成员。").per());
    }

    @Test
    void aRoundMagnitudeHedgedByNearlyOrMore() {
        ExtractedFact nearly = only("推动解决问题近百个。");
        assertEquals("近百个", nearly.text());
        assertEquals(new BigDecimal("100"), nearly.value());
        assertEquals(Approx.nearly, nearly.approx());
        ExtractedFact more = only("收集意见数千条。");
        assertEquals("数千条", more.text());
        assertEquals(new BigDecimal("1000"), more.value());
        assertEquals(Approx.over, more.approx());
        assertEquals(Approx.over, only("组织上百人次参加。").approx());
    }

    @Test
    void oneIsACountWhenEachHasOne() {
        ExtractedFact convener = only("每个工作室明确一名召集人。");
        assertEquals(BigDecimal.ONE, convener.value());
        assertEquals(Category.member, convener.category());
        assertEquals(Category.activity, only("每半年开展一次协商活动。").category());
        assertEquals(List.of(), extractor.extract("形成一批成果。"));
    }

    @Test
    void aShareIsARateOfTheCountBeforeIt() {
        List<ExtractedFact> facts = extractor.extract("提出提案186件，占提案总数的31.7%。");
        assertEquals(Category.output, facts.get(0).category());
        assertEquals(Category.other, facts.get(1).category());
        assertEquals("提案", facts.get(1).subject());
    }

    @Test
    void aHeadlessRelativeClauseIsCountedByItsUnit() {
        assertEquals(Category.output, only("所提问题已经解决的612件。").category());
    }

    @Test
    void consultationCentresAndCollectionPointsArePlatforms() {
        ExtractedFact centre = only("建成市级协商议事中心1个。");
        assertEquals(Category.platform, centre.category());
        assertEquals(Tier.city, centre.tier());
        ExtractedFact point = only("建成村级“微提案”征集点86个。");
        assertEquals(Category.platform, point.category());
        assertEquals(Tier.village, point.tier());
    }

    @Test
    void numerals() {
        assertEquals(12L, ChineseNumerals.parse("十二"));
        assertEquals(20L, ChineseNumerals.parse("二十"));
        assertEquals(150L, ChineseNumerals.parse("一百五十"));
        assertEquals(150L, ChineseNumerals.parse("一百五"));
        assertEquals(105L, ChineseNumerals.parse("一百零五"));
        assertEquals(20000L, ChineseNumerals.parse("两万"));
        assertEquals(3000L, ChineseNumerals.parse("三千"));
        assertNull(ChineseNumerals.parse("十四五"));
        assertNull(ChineseNumerals.parse("七一"));
        assertTrue(ChineseNumerals.arabic("1.5", "万").compareTo(new BigDecimal("15000")) == 0);
    }
}
