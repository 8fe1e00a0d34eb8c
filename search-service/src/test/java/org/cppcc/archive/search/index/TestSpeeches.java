package org.cppcc.archive.search.index;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.cppcc.archive.search.change.ChangeItem;
import org.cppcc.archive.search.change.Compilation;
import org.cppcc.archive.search.change.CompilationLookup;
import org.cppcc.archive.search.change.Speech;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Small speeches shaped like the seed's, for indexer and resource tests. */
public final class TestSpeeches {

    /** Reads speeches as the feed publishes them. */
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static final CompilationLookup COMPILATIONS = id -> Optional.of(new Compilation(id,
            "全省政协工作经验交流会发言材料汇编", "推动新时代人民政协工作不断走深走实", LocalDate.of(2021, 9, 28)));

    private TestSpeeches() {
    }

    /** The feed's entry for a created or changed speech. */
    public static ChangeItem upsert(long cursor, Speech speech) {
        return new ChangeItem(cursor, "upsert", speech.id(), speech.version(), speech);
    }

    /** The feed's entry for a deleted speech. */
    public static ChangeItem delete(long cursor, long speechId, long version) {
        return new ChangeItem(cursor, "delete", speechId, version, null);
    }

    public static Speech neijiang(long version) {
        return new Speech(4, 4, "政协内江市委员会", null, null, "内江市", "511000", "prefecture-city", "四川省",
                "搭建协商平台助推高质量发展", true, false, 1L, version,
                List.of("内江市政协深入贯彻习近平总书记关于加强和改进人民政协工作的重要思想,努力做好做实“有事来协商”工作。"),
                List.of(new Speech.Section(1, "以平台建设为支撑点", List.of(new Speech.Paragraph("p-2",
                        "到今年8月底,全市陆续建成镇级协商平台46个、村级平台23个。市县两级政协1788名委员全部划入10个工作组。"))),
                        new Speech.Section(2, "以服务大局为着力点", List.of(new Speech.Paragraph("p-3",
                                "围绕“打造特色品牌助推白酒产业发展”开展协商,提出建议20余条。<script>alert(1)</script>")))),
                List.of("以平台建设为支撑点", "以服务大局为着力点"));
    }

    public static Speech bazhong(long version) {
        return new Speech(6, 6, "政协巴中市委员会", null, null, "巴中市", "511900", "prefecture-city", "四川省", "聚焦产业深耕“双助”",
                true, true, 1L, version,
                List.of("巴中市政协认真贯彻落实省政协“助力巩固脱贫、助推乡村振兴”专项活动(以下简称“双助”活动)部署要求。"),
                List.of(new Speech.Section(1, "在凝聚共识上深耕细作", List.of(new Speech.Paragraph("p-2",
                        "新建的万亩茶叶、核桃、道地药材产业基地起步良好。")))),
                List.of());
    }

    /** An outline-only speech: title and headings, no body. */
    public static Speech wusheng(long version) {
        return new Speech(12, 12, "政协武胜县委员会", null, null, "武胜县", "511622", "county", "南充市", "创新机制抓落实深入推进“双助”活动",
                false, false, 1L, version, List.of(), List.of(), List.of("创新机制", "锚定目标", "汇聚力量"));
    }

    public static Speech shunqing(long version) {
        return new Speech(11, 11, "政协南充市顺庆区委员会", null, null, "顺庆区", "511302", "district", "南充市",
                "让“有事来协商”有用好用管用", false, false, 1L, version, List.of(), List.of(),
                List.of("健全“有事来协商”机制", "丰富“有事来协商”载体", "做好“有事来协商”后半篇文章"));
    }
}
