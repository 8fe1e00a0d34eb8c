package org.cppcc.archive.stats.extraction;

import java.util.List;
import java.util.Map;

/**
 * Classifies what a fact counts. Chinese noun phrases are head-final, so the keyword that ends latest in
 * the subject decides: 委员讲堂 is an activity, 工作委员会 a body, 委员意见建议 an output, 委员 a member.
 */
public final class Subjects {

    private static final Map<Category, List<String>> KEYWORDS = Map.of(
            // places where consultation is held or opinions gathered: 议事/协商 with a room, hall, point or centre,
            // and the points that collect 微提案 or opinions (征集点, 收集室)
            Category.platform, List.of("平台", "联络站", "议事室", "议事会", "协商会", "收集室", "协商室", "议事厅", "联系点",
                    "议事点", "议事中心", "协商中心", "议事站", "征集点", "工作室", "活动室", "之家"),
            // a convener (界别召集人, 工作室召集人) is a member who convenes the others
            Category.member, List.of("委员", "政协委员", "代表", "常委", "召集人"),
            Category.body, List.of("专委会", "委员会", "工作组", "课题组", "小组", "工作站", "智库", "党组", "支部", "商会",
                    "界别", "机构", "分基地", "常委会"),
            Category.staff, List.of("工作人员", "人员", "副主任", "主任", "干部", "研究员", "专家", "学者", "站长", "年龄",
                    "职数", "人才", "监督员", "联络员", "信息员"),
            Category.activity, List.of("会议", "推进会", "座谈会", "协商会议", "活动", "培训", "讲堂", "调研", "视察", "研讨",
                    "讲座", "论坛", "交流"),
            Category.output, List.of("提案", "建议", "意见", "文件", "课题", "信息", "报告", "成果", "制度", "办法"),
            Category.economic, List.of("资金", "企业", "就业", "实体", "产业", "项目", "菌种", "基地", "投资", "收入", "产值",
                    "岗位", "贷款"),
            // a rate or share is a proportion of something, whatever it counts; problems solved and deeds done are
            // outcomes for people, not documents the CPPCC produces
            Category.other, List.of("率", "比例", "比重", "占比", "问题", "实事"));

    /** Units that count occasions (次, 场, 期) or occasions of taking part (人次): whatever happened, an activity. */
    private static final List<String> OCCASIONS = List.of("次", "场", "期", "人次");

    private Subjects() {
    }

    /** The category of a subject, falling back on the unit (元 is money, 件/条 are documents); occasions are activities. */
    public static Category category(String subject, String unit) {
        if (OCCASIONS.contains(unit)) {
            return Category.activity;
        }
        if ("%".equals(unit) && subject.startsWith("占")) {
            return Category.other; // 占提案总数的31.7%: a share of what it names, not one of them
        }
        Category best = null;
        int bestEnd = -1;
        int bestLength = 0;
        for (Map.Entry<Category, List<String>> entry : KEYWORDS.entrySet()) {
            for (String keyword : entry.getValue()) {
                int i = subject.lastIndexOf(keyword);
                if (i < 0) {
                    continue;
                }
                int end = i + keyword.length();
                if (end > bestEnd || end == bestEnd && keyword.length() > bestLength) {
                    best = entry.getKey();
                    bestEnd = end;
                    bestLength = keyword.length();
                }
            }
        }
        if (best != null) {
            return best;
        }
        return switch (unit) {
            case "元", "袋", "亩", "头", "吨" -> Category.economic;
            case "条", "件", "件次", "篇", "份" -> Category.output;
            default -> Category.other;
        };
    }

    /** Whether a phrase contains a word that names what is counted (提案, 委员, 平台…). */
    static boolean names(String phrase) {
        return KEYWORDS.values().stream().flatMap(List::stream).anyMatch(phrase::contains);
    }

    /**
     * The tier a platform's name says: 镇级协商平台 → township, 村级平台 → village. Inner Mongolia's divisions count
     * too: a 旗 (banner) is a county, a 苏木 a township, a 嘎查 a village, a 盟 (league) a prefecture.
     */
    public static Tier tier(String subject) {
        if (subject.contains("村") || subject.contains("社区") || subject.contains("嘎查")) {
            return Tier.village;
        }
        if (subject.contains("镇") || subject.contains("乡") || subject.contains("街道") || subject.contains("苏木")) {
            return Tier.township;
        }
        if (subject.contains("县") || subject.contains("区级") || subject.contains("旗")) {
            return Tier.county;
        }
        if (subject.contains("市级") || subject.contains("州级") || subject.contains("盟级")) {
            return Tier.city;
        }
        return null;
    }

    /** The tier of the first place named in a phrase: 乡镇(街道) → township, 有条件的村、社区 → village. */
    static Tier placeTier(String phrase) {
        int best = Integer.MAX_VALUE;
        Tier tier = null;
        for (Map.Entry<String, Tier> place : Map.of("村", Tier.village, "社区", Tier.village, "嘎查", Tier.village, "乡",
                Tier.township, "镇", Tier.township, "街道", Tier.township, "苏木", Tier.township, "县", Tier.county, "旗",
                Tier.county).entrySet()) {
            int i = phrase.indexOf(place.getKey());
            if (i >= 0 && i < best) {
                best = i;
                tier = place.getValue();
            }
        }
        return tier;
    }
}
