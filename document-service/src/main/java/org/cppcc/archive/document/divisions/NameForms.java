package org.cppcc.archive.document.divisions;

import java.util.ArrayList;
import java.util.List;

/**
 * The ways a division's name is written in speakers' names besides the official one: 四川省 → 四川, 北京市 → 北京,
 * 广西壮族自治区 → 广西, 甘孜藏族自治州 → 甘孜州, 北川羌族自治县 → 北川县 (the place name before the ethnic names,
 * then the kind of division); and, only before a county's name, a city without 市 (杭州西湖区).
 */
final class NameForms {

    /**
     * The 56 ethnic groups, without 族 (some autonomous divisions leave it out: 新疆维吾尔自治区, 伊犁哈萨克自治州),
     * plus 各族 (龙胜各族自治县): where one starts, the place name of an autonomous division ends.
     */
    private static final List<String> ETHNIC_NAMES = List.of("汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依",
            "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水",
            "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌",
            "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春",
            "赫哲", "门巴", "珞巴", "基诺", "各族");

    /** Place names have at least two characters: an ethnic name earlier than this is part of the place (内蒙古). */
    private static final int SHORTEST_PLACE = 2;

    private NameForms() {
    }

    /** The official name and its usual short form, if it has one. */
    static List<String> of(String name, String level) {
        List<String> forms = new ArrayList<>(List.of(name));
        String shortForm = switch (level) {
            case "province" -> strip(name, "省");
            case "municipality" -> strip(name, "市");
            case "autonomous-region" -> placeOf(name, "自治区");
            case "autonomous-prefecture" -> withKind(placeOf(name, "自治州"), "州");
            case "county", "banner" -> name.contains("自治")
                    ? withKind(placeOf(name, name.substring(name.indexOf("自治"))), name.substring(name.length() - 1))
                    : null;
            default -> null;
        };
        if (shortForm != null && shortForm.length() >= SHORTEST_PLACE && !shortForm.equals(name)) {
            forms.add(shortForm);
        }
        return forms;
    }

    /** The forms in which the division may stand before the name of one of its counties. */
    static List<String> asAncestor(String name, String level) {
        List<String> forms = of(name, level);
        if (level.equals("prefecture-city") && name.length() > 2) {
            forms = new ArrayList<>(forms);
            forms.add(name.substring(0, name.length() - 1));
        }
        return forms;
    }

    private static String strip(String name, String suffix) {
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : null;
    }

    /**
     * The place name of an autonomous division: before its first ethnic name; where the division is named after
     * the people alone (东乡族自治县, 鄂伦春自治旗), that name without 族.
     */
    private static String placeOf(String name, String kindSuffix) {
        if (!name.endsWith(kindSuffix)) {
            return null;
        }
        int end = name.length() - kindSuffix.length();
        for (int i = SHORTEST_PLACE; i < end; i++) {
            for (String ethnic : ETHNIC_NAMES) {
                if (name.startsWith(ethnic, i)) {
                    return name.substring(0, i);
                }
            }
        }
        String people = name.substring(0, end);
        return people.endsWith("族") ? people.substring(0, people.length() - 1) : people;
    }

    private static String withKind(String place, String kind) {
        return place == null ? null : place + kind;
    }
}
