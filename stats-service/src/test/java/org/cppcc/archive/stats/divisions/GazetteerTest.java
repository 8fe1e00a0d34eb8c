package org.cppcc.archive.stats.divisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.junit.jupiter.api.Test;

class GazetteerTest {

    static Gazetteer sample() throws IOException {
        return Gazetteer.read(new InputStreamReader(Objects.requireNonNull(
                GazetteerTest.class.getResourceAsStream("/gazetteer/sample-divisions.tsv")), StandardCharsets.UTF_8));
    }

    @Test
    void readsDivisionsWithTheirParentsAndTheSourceLine() throws IOException {
        Gazetteer g = sample();
        assertTrue(g.source().startsWith("A sample of the GB/T 2260 divisions"));
        Division xihu = g.byCode("330106").orElseThrow();
        assertEquals("西湖区", xihu.name());
        assertEquals("杭州市", g.prefectureOf(xihu).orElseThrow().name());
        assertEquals("浙江省", g.provinceOf(xihu).orElseThrow().name());
        assertEquals(21, g.children("510000").stream().filter(Division::prefectureLevel).count());
        assertEquals(13, g.countyLevelIn("510000").size());
    }

    @Test
    void aCountyLevelDivisionDirectlyUnderItsProvinceHasNoPrefecture() throws IOException {
        Gazetteer g = sample();
        assertTrue(g.prefectureOf(g.byCode("429004").orElseThrow()).isEmpty()); // 仙桃市, 湖北省直辖
        assertTrue(g.prefectureOf(g.byCode("110105").orElseThrow()).isEmpty()); // 朝阳区 of 北京市
        assertEquals(2, g.countyLevelIn("420000").size());
    }

    @Test
    void theServicesResourceHoldsEveryProvinceLevelDivisionWithItsDivisions() throws IOException {
        Gazetteer g = Gazetteer.read(new InputStreamReader(Objects.requireNonNull(
                GazetteerTest.class.getResourceAsStream("/gazetteer/divisions.tsv")), StandardCharsets.UTF_8));
        assertEquals(31, g.children(null).stream().filter(Division::provinceLevel).count());
        assertEquals(21, g.children("510000").stream().filter(Division::prefectureLevel).count());
        assertEquals(183, g.countyLevelIn("510000").size());
        assertEquals("黔东南苗族侗族自治州", g.prefectureOf(g.byCode("522601").orElseThrow()).orElseThrow().name()); // 凯里市
        assertEquals(12, g.children("150000").stream().filter(Division::prefectureLevel).count()); // 内蒙古: 盟 too
    }

    @Test
    void refusesUnknownLevelsDuplicateCodesAndMissingParents() {
        assertThrows(IOException.class, () -> Gazetteer.read(new StringReader("510000\t四川省\tstate\t\n")));
        assertThrows(IOException.class,
                () -> Gazetteer.read(new StringReader("510000\t四川省\tprovince\t\n510000\t四川省\tprovince\t\n")));
        assertThrows(IOException.class, () -> Gazetteer.read(new StringReader("510100\t成都市\tprefecture-city\t510000\n")));
        assertThrows(IOException.class, () -> Gazetteer.read(new StringReader("51010\t成都市\tprefecture-city\t\n")));
    }
}
