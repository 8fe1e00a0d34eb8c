package org.cppcc.archive.document.divisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Sichuan gazetteer data and the data-driven committee → division resolution. */
class GazetteerTest {

    private final Gazetteer gazetteer = Gazetteer.sichuan();

    private Optional<String> code(String committee) {
        return gazetteer.resolveCommittee(committee).map(Region::code);
    }

    @Test
    void provinceIsSichuan() {
        assertEquals("四川省", gazetteer.province());
    }

    @Test
    void twentyOnePrefectureLevelDivisions() {
        List<Region> prefectures = gazetteer.prefectureLevel();
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
    }

    @Test
    void resolvesTheSeedCommittees() {
        assertEquals(Optional.of(new Region("自流井区", "510302", "district", "自贡市")),
                gazetteer.resolveCommittee("政协自贡市自流井区委员会"));
        assertEquals(Optional.of(new Region("射洪市", "510981", "county-level-city", "遂宁市")),
                gazetteer.resolveCommittee("政协射洪市委员会"));
        assertEquals(Optional.of(new Region("顺庆区", "511302", "district", "南充市")),
                gazetteer.resolveCommittee("政协南充市顺庆区委员会"));
        assertEquals(Optional.of(new Region("武胜县", "511622", "county", "广安市")),
                gazetteer.resolveCommittee("政协武胜县委员会"));
        assertEquals(Optional.of(new Region("甘孜藏族自治州", "513300", "autonomous-prefecture", "四川省")),
                gazetteer.resolveCommittee("政协甘孜藏族自治州委员会"));
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
        assertEquals(Optional.of("513328"), code("政协甘孜县委员会"));            // the county, not the prefecture
        assertEquals(Optional.of("513231"), code("政协阿坝县委员会"));
        assertEquals(Optional.empty(), code("政协重庆市委员会"));
        assertEquals(Optional.empty(), code("政协四川省委员会"));
        assertEquals(Optional.empty(), code("委员会"));
        assertEquals(Optional.empty(), code(null));
    }

    @Test
    void countyLevelDivisionsOfTheSeedPrefecturesArePresent() {
        // Chengdu has 20 county-level divisions (12 districts, 3 counties, 5 county-level cities)
        for (String name : List.of("锦江区", "新津区", "简阳市", "金堂县", "都江堰市")) {
            assertEquals(Optional.of("成都市"), gazetteer.resolveCommittee("政协成都市" + name + "委员会").map(Region::parent));
        }
        assertEquals(Optional.of("511083"), code("政协隆昌市委员会"));
        assertEquals(Optional.of("511903"), code("政协恩阳区委员会"));
        assertEquals(Optional.of("512021"), code("政协安岳县委员会"));
        assertEquals(Optional.of("513301"), code("政协康定市委员会"));
        assertEquals(Optional.of("511681"), code("政协华蓥市委员会"));
        assertEquals(Optional.of("510504"), code("政协龙马潭区委员会"));
        assertEquals(Optional.of(new Region("江油市", "510781", "county-level-city", "绵阳市")),
                gazetteer.resolveCommittee("政协江油市委员会"));
    }

    @Test
    void malformedDataIsRefused() {
        assertThrows(IllegalStateException.class, () -> Gazetteer.fromTsv(new StringReader("510100\t成都市\tprefecture-city\n")));
        assertThrows(IllegalStateException.class, () -> Gazetteer.fromTsv(new StringReader(
                "510000\t四川省\tprovince\t\n510100\t成都市\tcity\t510000\n")));
        assertThrows(IllegalStateException.class, () -> Gazetteer.fromTsv(new StringReader(
                "510000\t四川省\tprovince\t\n510104\t锦江区\tdistrict\t510100\n")));
    }
}
