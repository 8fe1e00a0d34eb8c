package org.cppcc.archive.stats.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cppcc.archive.stats.extraction.ExtractedFact.Change;
import org.cppcc.archive.stats.extraction.ExtractedFact.Range;

/**
 * Finds the quantitative facts in one paragraph, heading or lead of a speech. Rule-based and deterministic:
 * a number (Arabic or Chinese, with 万/亿) must be followed by a unit or classifier (个 名 人 次 期 % 元…),
 * is hedged by 近/约/至少 before it or 余/多 after it, may form a range (3—4名) or a change (由8个扩至10个),
 * and counts a subject found after the unit (1788名委员) or, when the unit ends the clause, before the number
 * (镇级协商平台46个). Not facts: dates, anniversaries, list ordinals, and numbers inside short quoted names
 * (“1+2+4+N”, “七一”, ‘十四五’). Thread-safe and free of any framework.
 */
public final class FactExtractor {

    private static final Pattern NUMBER = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)([万亿]*)|([一二三四五六七八九十两][零〇一二三四五六七八九十百千万亿两]*)");

    /** Units after an Arabic number, longest first. */
    private static final List<String> UNITS = List.of("%", "个", "名", "人", "条", "期", "次", "家", "袋", "元", "岁",
            "项", "类", "件", "场", "篇", "户", "亩", "头", "位", "所", "座", "批", "届", "天", "余人", "县", "吨", "公里",
            "平方米", "万", "倍");
    /** Chinese numerals are idioms more often than numbers (一体, 三方, 两级): only these classifiers count. */
    private static final List<String> CHINESE_UNITS = List.of("个", "名", "人", "次", "期", "家", "条", "类", "项", "件",
            "场", "县", "大", "所", "批", "届");

    private static final String CLAUSE_END = ",，。；;：:！？!?";
    private static final String DELIMITERS = ",，、。；;：:！？!?“”\"‘’《》()（）【】[]　 \n";
    private static final String CHANGE_VERBS = "(扩大|扩|增加|增长|增|提升|提高|提|上升|升|下降|降低|降|减少|减|缩减|压缩)?(至|到)";
    private static final Pattern CHANGE = Pattern.compile("^" + CHANGE_VERBS);
    private static final Pattern RANGE = Pattern.compile("^[—–\\-~～〜至到]{1,2}");

    /** Words after which a subject before the number starts (建成镇级协商平台46个 → 镇级协商平台). */
    private static final List<String> LEADING_VERBS = List.of("建成", "建立", "搭建", "设立", "成立", "组建", "提出",
            "考录", "吸收", "遴选", "开办", "举行", "举办", "开展", "召开", "新种", "带动", "创办", "采纳", "形成", "达到",
            "共有", "拥有", "累计", "共计", "完成", "收集", "办理", "发放", "培训", "选派", "引进", "实施", "将", "等",
            "陆续", "其中", "共", "有");
    /** Words that end a subject found after the unit (1788名委员全部划入… → 委员). */
    private static final List<String> TRAILING_STOPS = List.of("按", "全部", "全体", "均", "组成", "和", "与", "及",
            "等", "为", "在", "向", "由", "从", "参加", "参与", "开展", "举行", "召开", "建成", "建立", "进行", "以", "已",
            "将", "被", "分别", "覆盖", "划入", "划分", "挂牌", "实现", "作为", "深入", "走进", "得到", "获得", "受到",
            "通过", "完成", "达到", "参训", "上");
    private static final List<String> SUBJECT_SUFFIXES_TO_DROP = List.of("职数", "队伍", "网络", "规模");
    private static final List<String> ACTIVITY_VERBS = List.of("召开", "开展", "举办", "举行", "组织", "开办", "参加",
            "进行");
    private static final List<String> BUILD_VERBS = List.of("建成", "建立", "搭建", "设立", "成立", "组建", "打造", "建");
    private static final List<String> PLATFORM_WORDS = List.of("协商平台", "平台", "联络站", "议事室", "议事会", "协商会",
            "收集室", "协商室", "议事厅");

    /** The facts in {@code text}, in order of appearance. */
    public List<ExtractedFact> extract(String text) {
        List<ExtractedFact> facts = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return facts;
        }
        boolean[] masked = Masks.quotedNames(text);
        Matcher m = NUMBER.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int next = m.end();
            ExtractedFact fact = candidate(text, m, masked);
            if (fact != null) {
                facts.add(fact);
                next = Math.max(next, fact.end());
            }
            from = next;
        }
        return facts;
    }

    /** A parsed number token: its value and where it lies. */
    private record Num(BigDecimal value, int start, int end, boolean chinese) {
    }

    private ExtractedFact candidate(String text, Matcher m, boolean[] masked) {
        int start = m.start();
        if (masked[start]) {
            return null;
        }
        Num num = number(text, m);
        if (num == null || excludedByContext(text, num)) {
            return null;
        }
        Approx prefix = prefixApprox(text, num.start());
        Approx approx = prefix;
        int spanStart = prefix == null ? num.start() : num.start() - prefixLength(text, num.start());
        BigDecimal value = num.value();
        Range range = null;
        Change change = null;
        String unit = null;
        int unitEnd = -1;

        // a range: the first number's unit is left out (3—4名) or repeated (3个至5个)
        int afterFirst = num.end();
        String firstUnit = unitAt(text, afterFirst, num.chinese());
        if (firstUnit != null) {
            afterFirst += firstUnit.length();
        }
        Matcher r = RANGE.matcher(text.substring(afterFirst, Math.min(text.length(), afterFirst + 2)));
        if (r.find()) {
            Matcher second = NUMBER.matcher(text);
            int at = afterFirst + r.end();
            if (second.find(at) && second.start() == at) {
                Num max = number(text, second);
                String secondUnit = max == null ? null : unitAt(text, max.end(), max.chinese());
                if (max != null && secondUnit != null && max.value().compareTo(num.value()) > 0
                        && (firstUnit == null || firstUnit.equals(secondUnit))) {
                    unit = secondUnit;
                    range = new Range(num.value(), max.value());
                    unitEnd = max.end() + secondUnit.length();
                }
            }
        }
        if (range == null) {
            int pos = num.end();
            if (text.startsWith("余", pos) || text.startsWith("多", pos)) {
                approx = Approx.over;
                pos++;
            }
            unit = unitAt(text, pos, num.chinese());
            if (unit == null) {
                return null;
            }
            unitEnd = pos + unit.length();
        }
        int spanEnd = unitEnd;
        if (text.startsWith("左右", spanEnd)) {
            approx = approx == null ? Approx.about : approx;
            spanEnd += 2;
        }
        // a change: 由8个扩至10个, 从48岁降至45岁, 37.3%提升到57.1%
        if (range == null) {
            Matcher c = CHANGE.matcher(text.substring(unitEnd, Math.min(text.length(), unitEnd + 4)));
            if (c.find() && (c.group(1) != null || startsChangeWithFrom(text, spanStart))) {
                Matcher second = NUMBER.matcher(text);
                int at = unitEnd + c.end();
                if (second.find(at) && second.start() == at) {
                    Num to = number(text, second);
                    String toUnit = to == null ? null : unitAt(text, to.end(), to.chinese());
                    if (to != null && toUnit != null) {
                        change = new Change(value, to.value());
                        value = to.value();
                        unit = toUnit;
                        spanEnd = to.end() + toUnit.length();
                        unitEnd = spanEnd;
                        if (startsChangeWithFrom(text, spanStart)) {
                            spanStart--;
                        }
                    }
                }
            }
        }
        if (num.chinese() && num.value().compareTo(BigDecimal.ONE) == 0 && range == null && change == null) {
            return null; // 一项, 一批, 一线: an article, not a count
        }

        int[] sentence = Sentences.around(text, spanStart);
        String sentenceText = text.substring(sentence[0], sentence[1]);
        String subject;
        Category category;
        Tier tier = null;

        PlaceRule place = placePlatform(text, unit, unitEnd);
        if (place != null) {
            subject = place.subject();
            category = Category.platform;
            tier = place.tier();
        } else {
            String after = text.substring(spanEnd);
            boolean subjectBefore = change != null || after.isEmpty() || DELIMITERS.indexOf(after.charAt(0)) >= 0;
            subject = subjectBefore ? subjectBefore(text, spanStart, sentence[0]) : subjectAfter(after);
            if (subject.isEmpty() && !subjectBefore) {
                subject = subjectBefore(text, spanStart, sentence[0]);
            }
            category = Subjects.category(subject, unit);
            if (category == Category.platform) {
                tier = Subjects.tier(subject);
            }
        }
        return new ExtractedFact(ChineseNumerals.normalise(value), approx, range, change, unit, subject, category, tier,
                text.substring(spanStart, spanEnd), sentenceText, sentence[0], spanStart, spanEnd);
    }

    private static Num number(String text, Matcher m) {
        if (m.group(1) != null) {
            String multipliers = m.group(2);
            return new Num(ChineseNumerals.arabic(m.group(1), multipliers), m.start(), m.end(), false);
        }
        String chinese = m.group(3);
        // 两万 is a number, but 万亩/千头 alone are idioms (never matched: they do not start with a digit)
        Long value = ChineseNumerals.parse(chinese);
        if (value == null) {
            return null;
        }
        return new Num(BigDecimal.valueOf(value), m.start(), m.end(), true);
    }

    /** Dates, anniversaries, ordinals, formulas and tier names around a number token. */
    private static boolean excludedByContext(String text, Num num) {
        int s = num.start();
        int e = num.end();
        char before = s > 0 ? text.charAt(s - 1) : ' ';
        String after = text.substring(e, Math.min(text.length(), e + 3));
        if (before == '第' || before == '+' || after.startsWith("+") || Character.isLetter(before) && before < 0x2E80) {
            return true; // 第一, 1+2+4+N, G20
        }
        if (!after.isEmpty() && after.charAt(0) < 0x80 && Character.isLetter(after.charAt(0))) {
            return true; // 5G
        }
        if (after.startsWith("年") || after.startsWith("月") || after.startsWith("日") || after.startsWith("号")
                || after.startsWith("周年") || after.startsWith("时") || after.startsWith("世纪")
                || after.startsWith("级") || after.startsWith("是") || after.startsWith("、")
                || after.startsWith("点")) {
            return true; // 2021年, 7月, 8月底, 100周年, 两级, 一是, 一、
        }
        if (!num.chinese() && (after.startsWith(".") || after.startsWith("．"))) {
            return true; // 1. as a list ordinal
        }
        if (s > 0 && (before == '(' || before == '（') && (after.startsWith(")") || after.startsWith("）"))) {
            return true; // (一)
        }
        return false;
    }

    private static Approx prefixApprox(String text, int start) {
        String before = text.substring(Math.max(0, start - 2), start);
        if (before.endsWith("至少")) {
            return Approx.atLeast;
        }
        if (before.endsWith("超过") || before.endsWith("逾")) {
            return Approx.over;
        }
        if (before.endsWith("将近") || before.endsWith("近")) {
            return Approx.nearly;
        }
        if (before.endsWith("约") && !before.endsWith("制约")) {
            return Approx.about;
        }
        return null;
    }

    private static int prefixLength(String text, int start) {
        String before = text.substring(Math.max(0, start - 2), start);
        if (before.endsWith("至少") || before.endsWith("超过") || before.endsWith("将近")) {
            return 2;
        }
        return 1;
    }

    private static boolean startsChangeWithFrom(String text, int spanStart) {
        return spanStart > 0 && (text.charAt(spanStart - 1) == '由' || text.charAt(spanStart - 1) == '从');
    }

    private static String unitAt(String text, int pos, boolean chinese) {
        for (String unit : chinese ? CHINESE_UNITS : UNITS) {
            if (text.startsWith(unit, pos)) {
                return unit;
            }
        }
        return null;
    }

    private record PlaceRule(String subject, Tier tier) {
    }

    /**
     * Platforms counted by the places that have them: 五县(区)建成…县级平台 (5 county platforms), 在132个乡镇(街道)
     * …建立…政协工作联络站 (132 township liaison stations), 在349个…村、社区…搭建协商议事室 (349 village ones).
     */
    private static PlaceRule placePlatform(String text, String unit, int unitEnd) {
        int clauseEnd = unitEnd;
        while (clauseEnd < text.length() && CLAUSE_END.indexOf(text.charAt(clauseEnd)) < 0) {
            clauseEnd++;
        }
        String clause = text.substring(unitEnd, clauseEnd);
        int verbAt = -1;
        String verb = null;
        for (String v : BUILD_VERBS) {
            int i = clause.indexOf(v);
            if (i >= 0 && (verbAt < 0 || i < verbAt)) {
                verbAt = i;
                verb = v;
            }
        }
        if (verbAt < 0) {
            return null;
        }
        Tier tier = "县".equals(unit) ? Tier.county : null;
        if (tier == null && ("个".equals(unit) || "所".equals(unit))) {
            tier = Subjects.placeTier(clause.substring(0, verbAt));
        }
        if (tier == null) {
            return null;
        }
        String rest = clause.substring(verbAt + verb.length());
        int best = -1;
        String word = null;
        for (String w : PLATFORM_WORDS) {
            int i = rest.indexOf(w);
            if (i >= 0 && (best < 0 || i < best || i == best && w.length() > word.length())) {
                best = i;
                word = w;
            }
        }
        if (best < 0) {
            return null;
        }
        int end = best + word.length();
        int begin = best;
        while (begin > 0 && DELIMITERS.indexOf(rest.charAt(begin - 1)) < 0 && rest.charAt(begin - 1) != '的') {
            begin--;
        }
        return new PlaceRule(rest.substring(begin, end), tier);
    }

    /** The subject written before the number: the end of the clause, after its verb (建成镇级协商平台 → 镇级协商平台). */
    private static String subjectBefore(String text, int spanStart, int sentenceStart) {
        int begin = spanStart;
        while (begin > sentenceStart && DELIMITERS.indexOf(text.charAt(begin - 1)) < 0) {
            begin--;
        }
        String clause = text.substring(begin, spanStart);
        for (String prefix : List.of("由", "从", "达", "为", "共", "约", "近", "超过", "至少", "将近", "逾")) {
            if (clause.endsWith(prefix)) {
                clause = clause.substring(0, clause.length() - prefix.length());
            }
        }
        int cut = 0;
        for (String verb : LEADING_VERBS) {
            int i = clause.lastIndexOf(verb);
            if (i >= 0 && i + verb.length() > cut && i + verb.length() < clause.length()) {
                cut = i + verb.length();
            }
        }
        return trim(clause.substring(cut));
    }

    /** The subject written after the unit (1788名委员全部划入… → 委员; 两次召开分基地建设推进会 → 分基地建设推进会). */
    private static String subjectAfter(String after) {
        int end = 0;
        while (end < after.length() && DELIMITERS.indexOf(after.charAt(end)) < 0) {
            end++;
        }
        String window = after.substring(0, end);
        int of = window.indexOf('的');
        if (of >= 0 && of <= 3) {
            window = window.substring(of + 1); // 48人的特约研究员, 3~5名不等的兼职副主任
        }
        for (String verb : ACTIVITY_VERBS) {
            if (window.startsWith(verb)) {
                window = window.substring(verb.length());
                break;
            }
        }
        int cut = window.length();
        for (String stop : TRAILING_STOPS) {
            int i = window.indexOf(stop);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        window = window.substring(0, cut);
        if (window.length() > 16) {
            window = window.substring(0, 16);
        }
        return trim(window);
    }

    private static String trim(String subject) {
        String s = subject.strip();
        for (String suffix : SUBJECT_SUFFIXES_TO_DROP) {
            if (s.endsWith(suffix) && s.length() > suffix.length()) {
                s = s.substring(0, s.length() - suffix.length());
            }
        }
        return s;
    }
}
