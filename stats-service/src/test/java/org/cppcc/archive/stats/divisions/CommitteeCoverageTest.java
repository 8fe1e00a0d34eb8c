package org.cppcc.archive.stats.divisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.cppcc.archive.stats.divisions.CommitteeCoverage.DivisionRow;
import org.cppcc.archive.stats.divisions.CommitteeCoverage.ProvinceRow;
import org.cppcc.archive.stats.divisions.CommitteeCoverage.Report;
import org.cppcc.archive.stats.divisions.CommitteeCoverage.Speaker;
import org.junit.jupiter.api.Test;

class CommitteeCoverageTest {

    private static Speaker committee(long id, String name, String region, String code, String level, boolean body) {
        return new Speaker(id, name, "committee", region, code, level, body);
    }

    @Test
    void eachProvinceIsMeasuredAgainstItsOwnDivisions() throws IOException {
        Report report = new CommitteeCoverage(GazetteerTest.sample()).of(List.of(
                committee(1, "政协成都市委员会", "成都市", "510100", "prefecture-city", true),
                committee(2, "政协自贡市自流井区委员会", "自流井区", "510302", "district", false),
                committee(3, "政协射洪市委员会", "射洪市", "510981", "county-level-city", true),
                committee(4, "政协杭州市西湖区委员会", "西湖区", "330106", "district", true),
                committee(5, "政协温州市委员会", "温州市", "330300", "prefecture-city", false)));

        assertEquals(List.of("浙江省", "四川省"), report.provinces().stream().map(ProvinceRow::province).toList());
        ProvinceRow zhejiang = report.provinces().get(0);
        assertEquals(11, zhejiang.prefectureLevel().divisions());
        assertEquals(2, zhejiang.prefectureLevel().represented());
        assertEquals(1, zhejiang.prefectureLevel().withBody());
        assertEquals(0.1818, zhejiang.prefectureLevel().coverage());
        assertEquals(4, zhejiang.countyLevel().divisions());
        assertEquals(1, zhejiang.countyLevel().represented());
        DivisionRow hangzhou = zhejiang.prefectures().get(0);
        assertEquals("杭州市", hangzhou.region());
        assertTrue(hangzhou.represented()); // through its district
        assertEquals("政协杭州市西湖区委员会", hangzhou.committees().get(0).committee());

        ProvinceRow sichuan = report.provinces().get(1);
        assertEquals(21, sichuan.prefectures().size());
        assertEquals(3, sichuan.prefectureLevel().represented());
        assertEquals(2, sichuan.prefectureLevel().withBody());
        assertEquals(2, sichuan.countyLevel().represented());
        assertEquals(1, sichuan.countyLevel().withBody());
        DivisionRow zigong = sichuan.prefectures().stream().filter(p -> p.region().equals("自贡市")).findFirst()
                .orElseThrow();
        assertTrue(zigong.represented());
        assertFalse(zigong.withBody());

        assertEquals(2, report.totals().provinces());
        assertEquals(32, report.totals().prefectureLevel().divisions());
        assertEquals(5, report.totals().prefectureLevel().represented());
        assertEquals(17, report.totals().countyLevel().divisions());
    }

    @Test
    void speakersWithoutADivisionAreListedApartAndDirectOnesStayWithTheirProvince() throws IOException {
        Report report = new CommitteeCoverage(GazetteerTest.sample()).of(List.of(
                new Speaker(1, "民盟四川省委会", "party", null, null, null, true),
                committee(2, "政协湖北省委员会", "湖北省", "420000", "province", true),
                committee(3, "政协仙桃市委员会", "仙桃市", "429004", "county-level-city", true),
                committee(4, "政协北京市朝阳区委员会", "朝阳区", "110105", "district", false),
                committee(5, "政协某市委员会", "某市", "999900", "prefecture-city", true)));

        assertEquals(List.of(1L, 5L), report.outsideGazetteer().stream().map(Speaker::speechId).toList());
        ProvinceRow beijing = report.provinces().get(0);
        assertEquals("municipality", beijing.level());
        assertEquals(0, beijing.prefectureLevel().divisions());
        assertNull(beijing.prefectureLevel().coverage());
        assertEquals(1, beijing.countyLevel().represented());
        assertEquals(List.of(4L), beijing.direct().stream().map(Speaker::speechId).toList());
        ProvinceRow hubei = report.provinces().get(1);
        assertEquals(List.of(2L, 3L), hubei.direct().stream().map(Speaker::speechId).toList());
        assertEquals(0, hubei.prefectureLevel().represented());
        assertEquals(1, hubei.countyLevel().represented());
    }
}
