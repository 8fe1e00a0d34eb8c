package org.cppcc.archive.stats.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cppcc.archive.stats.extraction.ExtractedFact.Change;
import org.cppcc.archive.stats.extraction.ExtractedFact.Range;

/**
 * Finds the quantitative facts in one paragraph, heading or lead of a speech. Rule-based and deterministic:
 * a number (Arabic or Chinese, with 万/亿) must be followed by a unit or classifier (个 名 人 次 期 % 元…),
 * is hedged by 近/约/至少/不低于 before it or 余/多/左右/以上 after it (a bare 百/千/万 is a number only so hedged:
 * 近百个, 上千人), may form a range (3—4名) or a change
 * (由8个扩至10个), and counts a subject found after the unit (1788名委员) or, when the unit ends the clause, before
 * the number (镇级协商平台46个); a count whose noun is left out (其中62项) counts what the sentence counted before.
 * Not facts: dates, durations (6个月内), anniversaries, list ordinals, sessions (十二届五次会议), age brackets
 * (60岁以上), numbers touching a glyph the PDF could not map, and numbers inside short quoted names (“1+2+4+N”,
 * “七一”, ‘十四五’). Thread-safe and free of any framework.
 */
public final class FactExtractor {

    /** A bare 百/千/万 is a number only after a word of approximation: 近百个, 上千人, 数万人. */
    private static final Pattern NUMBER = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)([万亿]*)|([一二三四五六七八九十两][零〇一二三四五六七八九十百千万亿两]*"
                    + "|(?<=[近上数几逾])[百千万亿]+)");

    /** Units after an Arabic number, longest first (人次 before 人). */
    private static final List<String> UNITS = longestFirst("%", "个", "名", "人", "人次", "条", "期", "次", "家", "袋",
            "元", "岁", "项", "类", "件", "件次", "份", "场", "篇", "户", "亩", "头", "位", "所", "座", "批", "届", "天",
            "余人", "县", "吨", "公里", "平方米", "万", "倍");
    /** Chinese numerals are idioms more often than numbers (一体, 三方, 两级): only these classifiers count. */
    private static final List<String> CHINESE_UNITS = longestFirst("个", "名", "人", "人次", "次", "期", "家", "条", "类",
            "项", "件", "份", "场", "县", "大", "所", "批", "届");

    private static final String CLAUSE_END = ",，。；;：:！？!?";
    private static final String DELIMITERS = ",，、。；;：:！？!?“”\"‘’《》()（）【】[]　 \n";
    private static final String CHANGE_VERBS = "(扩大|扩|增加|增长|增|提升|提高|提|上升|升|下降|降低|降|减少|减|缩减|压缩)?(至|到)";
    private static final Pattern CHANGE = Pattern.compile("^" + CHANGE_VERBS);
    private static final Pattern RANGE = Pattern.compile("^[—–\\-~～〜至到]{1,2}");

    /** Words after which a subject before the number starts (建成镇级协商平台46个 → 镇级协商平台). */
    private static final List<String> LEADING_VERBS = List.of("建成", "建立", "搭建", "设立", "成立", "组建", "提出",
            "考录", "吸收", "遴选", "开办", "举行", "举办", "开展", "召开", "新种", "带动", "创办", "采纳", "形成", "达到",
            "共有", "拥有", "累计", "共计", "完成", "收集", "办理", "发放", "培训", "选派", "引进", "实施", "将", "等",
            "陆续", "其中", "共", "有", "收到", "审查", "确定", "组织", "参与", "参加", "报送", "推动", "解决", "作出", "招录",
            "新增", "帮助", "征集", "受理", "提交", "走访", "配备", "联系", "聘请", "聘任");
    /** Leading words that are also the first or last character of common words (共享, 所有, 将来). */
    private static final List<String> INSIDE_WORDS = List.of("共", "有", "将");
    /** Words that end a subject found after the unit (1788名委员全部划入… → 委员). */
    private static final List<String> TRAILING_STOPS = List.of("按", "全部", "全体", "均", "组成", "和", "与", "及",
            "等", "为", "在", "向", "由", "从", "参加", "参与", "开展", "举行", "召开", "建成", "建立", "进行", "以", "已",
            "将", "被", "分别", "覆盖", "划入", "划分", "挂牌", "实现", "作为", "深入", "走进", "得到", "获得", "受到",
            "通过", "完成", "达到", "参训", "上", "牵头", "轮值", "负责", "纳入", "编入", "推行", "组建", "成立", "设立",
            "搭建", "结成", "联系", "下沉", "轮流");
    private static final List<String> SUBJECT_SUFFIXES_TO_DROP = List.of("职数", "队伍", "网络", "规模");
    /** Quantifiers before a noun that say "of every kind" and name nothing (各类协商活动 → 协商活动). */
    private static final List<String> SUBJECT_PREFIXES_TO_DROP = List.of("各类", "各项", "各种");
    /** Words of quantity that may stand between a unit and 的 (3~5名不等的兼职副主任). */
    private static final List<String> QUANTITY_WORDS = List.of("不等", "左右", "以上", "以下", "之多");
    private static final List<String> ACTIVITY_VERBS = List.of("召开", "开展", "举办", "举行", "组织", "开办", "参加",
            "进行");
    private static final List<String> BUILD_VERBS = List.of("建成", "建立", "搭建", "设立", "成立", "组建", "打造", "建");
    private static final List<String> PLATFORM_WORDS = List.of("协商平台", "平台", "联络站", "议事室", "议事会", "协商会",
            "收集室", "协商室", "议事厅", "议事点", "议事中心", "协商中心", "议事站", "征集点", "联系点", "工作室");

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
                fact = withElidedSubject(fact, facts.isEmpty() ? null : facts.get(facts.size() - 1));
                facts.add(fact);
                next = Math.max(next, fact.end());
            }
            from = next;
        }
        return facts;
    }

    /**
     * A count whose noun is left out refers to the things the sentence counted just before: 形成协商成果87项，其中62项
     * 被…采纳 (62 of those 协商成果). Such a count has no subject of its own, or only 其中 (of which) before it.
     */
    private static ExtractedFact withElidedSubject(ExtractedFact fact, ExtractedFact previous) {
        if (previous == null || previous.sentenceStart() != fact.sentenceStart()) {
            return fact;
        }
        // a share (612件，占64.2%; 提案186件，占提案总数的31.7%) is the proportion the count before it makes up:
        // it has that count's subject, and is a rate
        if ("%".equals(fact.unit()) && fact.subject().startsWith("占")) {
            return withSubject(fact, previous.subject(), Category.other, null);
        }
        boolean elided = fact.subject().isEmpty() || fact.subject().equals("其中");
        if (!elided || !previous.unit().equals(fact.unit())) {
            return fact;
        }
        return withSubject(fact, previous.subject(), previous.category(), previous.tier());
    }

    private static ExtractedFact withSubject(ExtractedFact fact, String subject, Category category, Tier tier) {
        return new ExtractedFact(fact.value(), fact.approx(), fact.range(), fact.change(), fact.unit(), subject,
                category, tier, fact.per(), fact.text(), fact.sentence(), fact.sentenceStart(), fact.start(),
                fact.end());
    }

    private static List<String> longestFirst(String... units) {
        return Arrays.stream(units).sorted(Comparator.comparingInt(String::length).reversed()).toList();
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
        Approx prefix = prefixApprox(text, num);
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
        } else if (text.startsWith("以上", spanEnd)) {
            if ("岁".equals(unit)) {
                return null; // 60岁以上老年人: an age bracket that names a group, not a figure
            }
            approx = approx == null ? Approx.over : approx;
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
        int[] sentence = Sentences.around(text, spanStart);
        String per = distributive(text, spanStart, sentence[0]);
        if (num.chinese() && num.value().compareTo(BigDecimal.ONE) == 0 && range == null && change == null
                && per == null) {
            // 一项, 一批, 一线: an article, not a count; but under 每 (每个工作室明确一名召集人, 每半年开展一次) it is
            // the number each one has
            return null;
        }

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
            subject = !subjectBefore ? subjectAfter(after)
                    : passiveClause(text, spanStart, sentence[0]) ? "" : subjectBefore(text, spanStart, sentence[0]);
            if (subject.isEmpty() && !subjectBefore) {
                subject = subjectBefore(text, spanStart, sentence[0]);
                subjectBefore = true;
            }
            // 所提问题已经解决或基本解决的612件: a relative clause whose head noun is left out; its nouns (问题) are
            // not what is counted, the unit says what is (件: documents)
            boolean headless = subjectBefore && spanStart > 0 && text.charAt(spanStart - 1) == '的';
            category = Subjects.category(headless ? "" : subject, unit);
            if (category == Category.platform) {
                tier = Subjects.tier(subject);
                if (tier == null) {
                    tier = locativeTier(text, spanStart, sentence[0]);
                }
            }
        }
        return new ExtractedFact(ChineseNumerals.normalise(value), approx, range, change, unit, subject, category, tier,
                per, text.substring(spanStart, spanEnd), sentenceText, sentence[0], spanStart, spanEnd);
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
        if (before == '\uFFFD' || after.startsWith("\uFFFD") || (before == '.' || before == '．') && s > 1
                && (Character.isDigit(text.charAt(s - 2)) || text.charAt(s - 2) == '\uFFFD')) {
            return true; // 9<U+FFFD>.2%: a glyph the PDF could not map makes the number unreadable
        }
        if (text.startsWith("个月", e) || text.startsWith("个小时", e) || text.startsWith("个工作日", e)) {
            return true; // 6个月内: a duration
        }
        if (after.startsWith("届") && after.length() > 1 && isNumeral(after.charAt(1)) || before == '届') {
            return true; // 十二届五次会议: the session of a term, not twelve terms and five meetings
        }
        if (!num.chinese() && (after.startsWith(".") || after.startsWith("．"))) {
            return true; // 1. as a list ordinal
        }
        if (s > 0 && (before == '(' || before == '（') && (after.startsWith(")") || after.startsWith("）"))) {
            return true; // (一)
        }
        return false;
    }

    private static boolean isNumeral(char c) {
        return Character.isDigit(c) || ChineseNumerals.digit(c) >= 0 || ChineseNumerals.multiplier(c) > 0;
    }

    private static Approx prefixApprox(String text, Num num) {
        int start = num.start();
        String before = text.substring(Math.max(0, start - 3), start);
        if (num.chinese() && (before.endsWith("上") || before.endsWith("数") || before.endsWith("几"))
                && text.substring(start, num.end()).chars().allMatch(c -> ChineseNumerals.multiplier((char) c) > 0)) {
            return Approx.over; // 上百, 数十, 几千: a round magnitude or more; elsewhere 上/数/几 hedge nothing
        }
        if (before.endsWith("至少") || before.endsWith("不低于") || before.endsWith("不少于")) {
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
        String before = text.substring(Math.max(0, start - 3), start);
        if (before.endsWith("不低于") || before.endsWith("不少于")) {
            return 3;
        }
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

    /**
     * The phrase that makes a figure hold for each of several things, 每 and its noun, when the clause before the
     * figure has one: 每个工作室安排8—15名委员 → 每个工作室, 每年至少9次 → 每年. Such a figure is not a total.
     */
    private static String distributive(String text, int spanStart, int sentenceStart) {
        int begin = clauseStart(text, spanStart, sentenceStart);
        int at = text.lastIndexOf('每', spanStart - 1);
        if (at < begin) {
            return null;
        }
        int end = at + 1;
        while (end < spanStart && end - at < 8 && !startsVerbOrNumber(text, end)) {
            end++;
        }
        return end > at + 1 ? text.substring(at, end) : null;
    }

    private static boolean startsVerbOrNumber(String text, int at) {
        if (at > 0 && text.charAt(at - 1) != '每' && isNumeral(text.charAt(at))) {
            return true; // 每3名委员: the numeral after 每 is part of the phrase
        }
        return DELIMITERS.indexOf(text.charAt(at)) >= 0
                || Stream.of("由", "安排", "至少", "不少于", "不低于", "超过", "将近", "平均").anyMatch(w -> text.startsWith(w, at))
                || LEADING_VERBS.stream().filter(v -> v.length() > 1).anyMatch(v -> text.startsWith(v, at));
    }

    /**
     * The tier of the place where the clause says its platforms were built: 在嘎查村建成议事点412个 (village ones),
     * 在苏木乡镇建成协商议事室68个 (township ones). The place follows 在 at the start of the clause.
     */
    private static Tier locativeTier(String text, int spanStart, int sentenceStart) {
        int begin = clauseStart(text, spanStart, sentenceStart);
        String clause = text.substring(begin, spanStart);
        int at = clause.indexOf('在');
        if (at < 0 || at > 4) {
            return null;
        }
        for (String verb : BUILD_VERBS) {
            int v = clause.indexOf(verb, at + 1);
            if (v > at) {
                return Subjects.placeTier(clause.substring(at + 1, v));
            }
        }
        return null;
    }

    /** The subject written before the number: the end of the clause, after its verb (建成镇级协商平台 → 镇级协商平台). */
    private static String subjectBefore(String text, int spanStart, int sentenceStart) {
        int begin = spanStart;
        while (begin > sentenceStart) {
            int gloss = glossStart(text, begin, sentenceStart);
            int quoted = quotedNameStart(text, begin, sentenceStart);
            if (gloss >= 0) {
                begin = gloss; // 乡镇（街道）级协商议事室: a bracketed alternative inside the noun phrase
            } else if (quoted >= 0) {
                begin = quoted; // 建成“古城议事厅”1个: a short quoted name is (part of) the noun phrase
            } else if (DELIMITERS.indexOf(text.charAt(begin - 1)) < 0) {
                begin--;
            } else {
                break;
            }
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
            // a verb one character from the end is part of a compound noun (培训班, 采纳率), not its verb; so are
            // 共, 有 and 将 two characters from it (开放共享率, 所有制)
            int rest = clause.length() - i - verb.length();
            if (i >= 0 && i + verb.length() > cut && rest > (INSIDE_WORDS.contains(verb) ? 2 : 1)) {
                cut = i + verb.length();
            }
        }
        String subject = clause.substring(cut);
        if (subject.endsWith("的")) {
            subject = subject.substring(0, subject.length() - 1); // 不予立案的268件: the 268 that were not filed
        }
        return trim(subject);
    }

    /**
     * Whether the clause before a number is passive (被全国政协、省政协采用83条): its subject, the things adopted,
     * was named earlier, and what stands before the number is the agent.
     */
    private static boolean passiveClause(String text, int spanStart, int sentenceStart) {
        return text.substring(clauseStart(text, spanStart, sentenceStart), spanStart).indexOf('被') >= 0;
    }

    /** Where the clause holding {@code at} starts: after the last comma, semicolon or colon before it. */
    private static int clauseStart(String text, int at, int sentenceStart) {
        int begin = at;
        while (begin > sentenceStart && ",，；;：:。".indexOf(text.charAt(begin - 1)) < 0) {
            begin--;
        }
        return begin;
    }

    /**
     * Where a bracketed gloss ends at {@code end} inside a noun phrase, the index of its opening bracket, else -1:
     * 村（社区）级 or 乡镇(街道)级 name one tier two ways. Only short glosses of plain words, with text on both sides.
     */
    private static int glossStart(String text, int end, int sentenceStart) {
        char close = text.charAt(end - 1);
        if ((close != '）' && close != ')') || end >= text.length() || DELIMITERS.indexOf(text.charAt(end)) >= 0) {
            return -1;
        }
        char open = close == '）' ? '（' : '(';
        for (int i = end - 2; i > sentenceStart && i >= end - 6; i--) {
            char c = text.charAt(i);
            if (c == open) {
                return i > sentenceStart && DELIMITERS.indexOf(text.charAt(i - 1)) < 0 ? i : -1;
            }
            if (DELIMITERS.indexOf(c) >= 0 && c != '、') {
                return -1;
            }
        }
        return -1;
    }

    /** The subject written after the unit (1788名委员全部划入… → 委员; 两次召开分基地建设推进会 → 分基地建设推进会). */
    private static String subjectAfter(String after) {
        int end = 0;
        while (end < after.length()) {
            int quoted = quotedNameEnd(after, end);
            if (quoted > 0 && end > 0) {
                end = quoted; // 两次集中“回头看”: a short quoted name inside the noun phrase
            } else if (DELIMITERS.indexOf(after.charAt(end)) < 0) {
                end++;
            } else {
                break;
            }
        }
        String window = after.substring(0, end);
        int of = window.indexOf('的');
        if (of >= 0) {
            String before = window.substring(0, of);
            if (before.isEmpty() || QUANTITY_WORDS.contains(before)) {
                window = window.substring(of + 1); // 48人的特约研究员, 3~5名不等的兼职副主任
            } else if (Subjects.names(before)) {
                window = before; // 47件提案的承诺事项: the classifier counts 提案, what follows 的 is theirs
            }
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
            if (i >= 0 && i < cut) {
                cut = i; // at 0: the unit ends the noun phrase (其中62项被…采纳), the subject is elsewhere
            }
        }
        window = window.substring(0, cut);
        if (window.length() > 16) {
            window = window.substring(0, 16);
        }
        return trim(window);
    }

    /** Where a short quoted name ends just before {@code end}, the index of its opening quote, else -1. */
    private static int quotedNameStart(String text, int end, int sentenceStart) {
        if (end < text.length() && text.charAt(end) == '的') {
            return -1; // 评为“满意”的29家: the quotation is a predicate, the noun is left out
        }
        char close = text.charAt(end - 1);
        char open = close == '”' ? '“' : close == '’' ? '‘' : 0;
        int start = open == 0 ? -1 : text.lastIndexOf(open, end - 2);
        return start >= sentenceStart && end - start - 2 <= Masks.MAX_NAME_CHARS && end - start > 2 ? start : -1;
    }

    /** The index after the closing quote of a short quoted name opening at {@code at}, else -1. */
    private static int quotedNameEnd(String text, int at) {
        char open = text.charAt(at);
        char close = open == '“' ? '”' : open == '‘' ? '’' : 0;
        int end = close == 0 ? -1 : text.indexOf(close, at + 1);
        return end > at + 1 && end - at - 1 <= Masks.MAX_NAME_CHARS ? end + 1 : -1;
    }

    private static String trim(String subject) {
        String s = subject.strip();
        for (String prefix : SUBJECT_PREFIXES_TO_DROP) {
            if (s.startsWith(prefix) && s.length() > prefix.length()) {
                s = s.substring(prefix.length());
            }
        }
        for (String suffix : SUBJECT_SUFFIXES_TO_DROP) {
            if (s.endsWith(suffix) && s.length() > suffix.length()) {
                s = s.substring(0, s.length() - suffix.length());
            }
        }
        return s;
    }
}
