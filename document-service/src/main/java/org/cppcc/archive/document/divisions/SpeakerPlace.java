package org.cppcc.archive.document.divisions;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The place part of a regional body's name, which the gazetteer then looks up: 政协杭州市西湖区委员会 → 杭州市西湖区,
 * 青羊区政协 → 青羊区, 民盟成都市委 → 成都市, 省工商联 → 省, 政协四川省委员会提案委员会 → 四川省. Sector groups and members
 * have none: 经济界别, 张三委员, 省政协委员李四.
 */
final class SpeakerPlace {

    /** Democratic parties, full names before short ones that they contain. */
    static final List<String> PARTIES = List.of("中国国民党革命委员会", "民革", "中国民主同盟", "民盟", "中国民主建国会", "民建",
            "中国民主促进会", "民进", "中国农工民主党", "农工党", "中国致公党", "致公党", "九三学社", "台湾民主自治同盟", "台盟");

    private static final List<String> CPPCC = List.of("中国人民政治协商会议", "政协");
    private static final List<String> FEDERATION = List.of("工商业联合会", "工商联");
    private static final Pattern LIST_NUMBER = Pattern.compile("^(?:\\d{1,3}[.、)]|\\(\\d{1,3}\\))");

    private SpeakerPlace() {
    }

    /** The place part of {@code form} (a speaker in {@link org.cppcc.archive.document.text.MatchForm}), or empty. */
    static Optional<String> of(String form) {
        String f = LIST_NUMBER.matcher(form).replaceFirst("");
        while (f.endsWith(":")) {
            f = f.substring(0, f.length() - 1);
        }
        if (f.endsWith("界") || f.endsWith("界别")) {
            return Optional.empty();
        }
        for (String cppcc : CPPCC) {
            if (f.startsWith(cppcc)) {
                int end = f.indexOf("委员会", cppcc.length());
                if (end < 0) {
                    return Optional.empty();
                }
                String after = f.substring(end + 3);
                boolean member = after.startsWith("委员") && !after.startsWith("委员会") || after.startsWith("常委");
                return member ? Optional.empty() : place(f.substring(cppcc.length(), end));
            }
        }
        for (String party : PARTIES) {
            if (f.startsWith(party)) {
                int end = f.indexOf('委', party.length());
                return end < 0 ? Optional.empty() : place(f.substring(party.length(), end));
            }
        }
        for (String federation : FEDERATION) {
            int at = f.indexOf(federation);
            if (at >= 0) {
                return place(f.substring(0, at));
            }
        }
        int at = f.indexOf("政协");
        if (at > 0) {
            String after = f.substring(at + 2);
            boolean member = after.startsWith("委员") && !after.startsWith("委员会");
            return member ? Optional.empty() : place(f.substring(0, at));
        }
        return Optional.empty();
    }

    private static Optional<String> place(String text) {
        return text.isEmpty() || text.indexOf('(') >= 0 || text.equals("全国") || text.startsWith("中央")
                ? Optional.empty() : Optional.of(text);
    }
}
