package org.cppcc.archive.document.divisions;

import java.util.List;
import java.util.Optional;

import org.cppcc.archive.document.text.FoldedText;

/**
 * Recognises the text that names a speaker: a speaker line under a speech title, or the speaker part of a TOC entry
 * (after {@code 1．}, before {@code ：}). The whole text must have one of the shapes below; anything longer than a
 * name, or with sentence punctuation, is not a speaker, so a sentence or heading that merely mentions 政协委员 is
 * refused. Called for every line of a compilation: bounded work per call (texts over {@value #LONGEST_TEXT}
 * characters are refused unread).
 * <ul>
 * <li>committee: 政协成都市委员会, 中国人民政治协商会议成都市委员会, 成都市政协, 青羊区政协, and with an office and a person
 * 政协成都市委员会主席 张三 (name 政协成都市委员会, person 张三)</li>
 * <li>special committee: 政协四川省委员会提案委员会, 四川省政协社会和法制委员会, 政协提案委员会</li>
 * <li>party: 民革四川省委会, 民盟成都市委, 九三学社浙江省委员会, 中国民主同盟四川省委员会, 民进中央</li>
 * <li>federation: 四川省工商联, 省工商联, 成都市工商业联合会</li>
 * <li>sector: 经济界别, 农业界别, 特邀界, 省政协经济界别</li>
 * <li>member: 张三委员, 委员 张三, 省政协委员 李四, 李四（省政协委员、四川大学教授）, 政协成都市委员会委员 王五</li>
 * </ul>
 */
public final class Speakers {

    static final int LONGEST_TEXT = 120;
    /** Longest speaker in match form, the person's description in brackets included. */
    private static final int LONGEST_FORM = 60;
    /**
     * Marks of a sentence or a title, never of a name. 、 is not among them: it only ever fits between offices
     * (党组书记、主席), the shapes refuse it anywhere else; 、 and ， may also stand in a member's description.
     */
    private static final String SENTENCE_MARKS = "。！？；，,;!?…“”\"‘’'《》<>【】[]—:";
    private static final String DESCRIPTION_MARKS = "。！？；;!?…“”\"《》<>【】[]:";
    private static final String PLACE_SUFFIXES = "省市区县州旗盟";
    /** Placeholders that compilations and examples use for an anonymised place name: ××县, XX市. */
    private static final String PLACEHOLDERS = "×Xx";
    private static final List<String> CPPCC = List.of("中国人民政治协商会议", "政协");
    private static final List<String> FEDERATION = List.of("工商业联合会", "工商联");
    private static final List<String> PARTY_COMMITTEE = List.of("委员会", "委会", "委");
    private static final List<String> OFFICES = List.of("常务副主席", "专职副主席", "副主席", "主席", "副秘书长", "秘书长",
            "党组副书记", "党组书记", "副主任", "主任", "副主委", "主委", "常务副会长", "副会长", "会长");
    /** Words that make up the name of a special committee without a place: 提案, 社会和法制, 文化文史和学习. */
    private static final List<String> TOPICS = List.of("人口资源环境", "教科卫体", "科教卫体", "教科文卫", "港澳台侨", "提案",
            "经济", "农业", "农村", "人口", "资源", "环境", "社会", "法制", "民族", "宗教", "港澳", "台侨", "外事", "文化", "文史",
            "学习", "科技", "教育", "医药", "卫生", "城乡", "建设", "专门", "和");
    /** How a sector group ends when it is written with 界 alone (经济界, 特邀界), not 界别. */
    private static final List<String> SECTORS = List.of("经济", "农业", "教育", "体育", "科技", "科学技术", "社会科学", "文化艺术",
            "文艺", "新闻出版", "新闻", "出版", "医药卫生", "医卫", "卫生", "友好", "社会保障", "民族", "宗教", "特邀", "人士",
            "环境资源", "工商", "法律", "金融", "青联", "工会", "妇联", "科协", "侨联", "台联", "中共");

    private Speakers() {
    }

    /** What a shape found: the kind, where the named body ends, and the person's name if any (match form). */
    private record Shape(SpeakerKind kind, int bodyEnd, int personFrom, int personTo) {

        static Shape of(SpeakerKind kind, int bodyEnd) {
            return new Shape(kind, bodyEnd, -1, -1);
        }
    }

    /** The speaker named by {@code text} (one line, or the speaker part of a TOC entry), or empty. */
    public static Optional<Speaker> recognise(String text) {
        if (text == null || text.length() > LONGEST_TEXT) {
            return Optional.empty();
        }
        FoldedText folded = new FoldedText(text);
        String f = folded.form();
        int from = listNumberEnd(f);
        int to = f.length();
        while (to > from && f.charAt(to - 1) == ':') {
            to--;
        }
        if (to - from < 2 || to - from > LONGEST_FORM) {
            return Optional.empty();
        }
        int headEnd = to;
        boolean describedMember = false;
        if (f.charAt(to - 1) == ')') {
            headEnd = f.lastIndexOf('(', to - 1);
            if (headEnd <= from || anyOf(f, headEnd + 1, to - 1, DESCRIPTION_MARKS + "()")) {
                return Optional.empty();
            }
            describedMember = f.indexOf("委员", headEnd) >= 0;
        }
        if (anyOf(f, from, headEnd, SENTENCE_MARKS + "()")) {
            return Optional.empty();
        }
        Shape shape = shape(f.substring(from, headEnd), describedMember, setOffName(folded, from, headEnd));
        if (shape == null) {
            return Optional.empty();
        }
        String person = shape.personFrom() < 0 ? null : folded.source(from + shape.personFrom(), from + shape.personTo());
        boolean wholeText = shape.kind() == SpeakerKind.MEMBER || person == null;
        String name = folded.source(from, wholeText ? to : from + shape.bodyEnd());
        return Optional.of(new Speaker(name, shape.kind(), person));
    }

    /**
     * Where in the folded text [from, to) its last word set off by a space starts (主席　和志刚 → 和志刚), relative to
     * {@code from}; -1 when no space stands inside it.
     */
    private static int setOffName(FoldedText folded, int from, int to) {
        for (int i = to - 1; i > from; i--) {
            if (folded.spaceBefore(i)) {
                return i - from;
            }
        }
        return -1;
    }

    /** @param setOff where a word set off by a space ends {@code h}, or -1 */
    private static Shape shape(String h, boolean describedMember, int setOff) {
        for (String cppcc : CPPCC) {
            if (h.startsWith(cppcc)) {
                return cppccCommittee(h, cppcc.length(), setOff);
            }
        }
        int cppcc = h.indexOf("政协");
        if (cppcc > 0 && isPlace(h.substring(0, cppcc))) {
            return after(h, cppcc + 2, SpeakerKind.COMMITTEE, setOff);
        }
        for (String party : SpeakerPlace.PARTIES) {
            if (h.startsWith(party)) {
                return party(h, party.length(), setOff);
            }
        }
        for (String federation : FEDERATION) {
            int at = h.indexOf(federation);
            if (at >= 0 && (at == 0 || isPlace(h.substring(0, at)))) {
                return after(h, at + federation.length(), SpeakerKind.FEDERATION, setOff);
            }
        }
        if (isSector(h, 0)) {
            return Shape.of(SpeakerKind.SECTOR, h.length());
        }
        return member(h, describedMember);
    }

    /** 政协成都市委员会…, 政协委员张三, 政协提案委员会. */
    private static Shape cppccCommittee(String h, int start, int setOff) {
        if (h.startsWith("委员", start) && !h.startsWith("委员会", start)) {
            return person(h, start + 2) ? new Shape(SpeakerKind.MEMBER, h.length(), start + 2, h.length()) : null;
        }
        int committee = h.indexOf("委员会", start);
        if (committee <= start) {
            return null;
        }
        String place = h.substring(start, committee);
        if (isPlace(place)) {
            return after(h, committee + 3, SpeakerKind.COMMITTEE, setOff);
        }
        return committee + 3 == h.length() && isTopic(place) ? Shape.of(SpeakerKind.SPECIAL_COMMITTEE, h.length()) : null;
    }

    /** 民革四川省委会, 民盟成都市委, 九三学社浙江省委员会主委 张三, 民进中央. */
    private static Shape party(String h, int start, int setOff) {
        String rest = h.substring(start);
        if (rest.isEmpty() || rest.equals("中央") || rest.equals("中央委员会")) {
            return Shape.of(SpeakerKind.PARTY, h.length());
        }
        int committee = h.indexOf('委', start);
        if (committee <= start || !isPlace(h.substring(start, committee))) {
            return null;
        }
        for (String suffix : PARTY_COMMITTEE) {
            if (h.startsWith(suffix, committee)) {
                return after(h, committee + suffix.length(), SpeakerKind.PARTY, setOff);
            }
        }
        return null;
    }

    /**
     * What may follow a named body at {@code at}: nothing; a special committee of a CPPCC body (提案委员会); a sector
     * group (经济界别); a member (委员 张三, 常委 张三); an office and its holder (主席 张三).
     */
    private static Shape after(String h, int at, SpeakerKind kind, int setOff) {
        if (at == h.length()) {
            return Shape.of(kind, at);
        }
        if (kind == SpeakerKind.COMMITTEE) {
            int special = h.lastIndexOf("委员会");
            if (special > at && allHan(h, at, special)) {
                int end = special + 3;
                return end == h.length() ? Shape.of(SpeakerKind.SPECIAL_COMMITTEE, end)
                        : office(h, end, SpeakerKind.SPECIAL_COMMITTEE, setOff);
            }
            if (isSector(h, at)) {
                return Shape.of(SpeakerKind.SECTOR, h.length());
            }
            for (String member : List.of("委员", "常委")) {
                if (h.startsWith(member, at) && person(h, at + member.length())) {
                    return new Shape(SpeakerKind.MEMBER, h.length(), at + member.length(), h.length());
                }
            }
        }
        return office(h, at, kind, setOff);
    }

    /**
     * One or more offices and the person holding them, ending the text: 主席张三, 党组书记、主席张三, and 主席　和志刚,
     * where the space before the name says where it starts (so its surname need not be a common one).
     */
    private static Shape office(String h, int at, SpeakerKind kind, int setOff) {
        int i = at;
        while (true) {
            int start = i;
            String office = OFFICES.stream().filter(o -> h.startsWith(o, start)).findFirst().orElse(null);
            if (office == null) {
                return null;
            }
            i += office.length();
            if (person(h, i) || i == setOff && PersonName.isSetOff(h, i, h.length())) {
                return new Shape(kind, at, i, h.length());
            }
            if (i == h.length() || h.charAt(i) != '、') {
                return null;
            }
            i++;
        }
    }

    /** 张三委员, 委员张三, 李四(省政协委员、四川大学教授). */
    private static Shape member(String h, boolean describedMember) {
        int n = h.length();
        if (h.endsWith("委员") && PersonName.is(h, 0, n - 2)) {
            return new Shape(SpeakerKind.MEMBER, n, 0, n - 2);
        }
        if (h.startsWith("委员") && person(h, 2)) {
            return new Shape(SpeakerKind.MEMBER, n, 2, n);
        }
        return describedMember && PersonName.is(h, 0, n) ? new Shape(SpeakerKind.MEMBER, n, 0, n) : null;
    }

    private static boolean person(String h, int from) {
        return PersonName.is(h, from, h.length());
    }

    /** 经济界别 (any name before 界别), 经济界 (a known sector before 界), from {@code at} to the end. */
    private static boolean isSector(String h, int at) {
        int n = h.length();
        if (h.endsWith("界别")) {
            return n - 2 - at >= 2 && allHan(h, at, n - 2);
        }
        if (h.endsWith("界") && allHan(h, at, n - 1)) {
            String group = h.substring(at, n - 1);
            return SECTORS.stream().anyMatch(group::endsWith);
        }
        return false;
    }

    /**
     * Whether {@code s} can be the place part of a body's name: Chinese characters ending like a division (成都市, 青羊区,
     * 甘孜州, and 省/市/区/县 alone for the compilation's own), 全国, or a division's short form (四川, 广西).
     */
    static boolean isPlace(String s) {
        if (s.isEmpty() || s.length() > 20) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isHan(s.charAt(i)) && PLACEHOLDERS.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return PLACE_SUFFIXES.indexOf(s.charAt(s.length() - 1)) >= 0 || s.equals("全国")
                || Gazetteer.national().isPlaceName(s);
    }

    /** Whether {@code s} is made of the words of special committees' names only: 提案, 社会和法制. */
    private static boolean isTopic(String s) {
        int i = 0;
        while (i < s.length()) {
            int at = i;
            i = TOPICS.stream().filter(t -> s.startsWith(t, at)).findFirst().map(t -> at + t.length()).orElse(-1);
            if (i < 0) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** Where a list number before the speaker ends: 1. 1、 1) (1) (full-width forms are folded already); else 0. */
    private static int listNumberEnd(String f) {
        int start = f.startsWith("(") ? 1 : 0;
        int i = start;
        while (i < f.length() && i - start < 3 && f.charAt(i) >= '0' && f.charAt(i) <= '9') {
            i++;
        }
        if (i == start || i == f.length()) {
            return 0;
        }
        char c = f.charAt(i);
        boolean closes = start == 1 ? c == ')' : c == '.' || c == '、' || c == ')';
        return closes ? i + 1 : 0;
    }

    private static boolean anyOf(String s, int from, int to, String marks) {
        for (int i = from; i < to; i++) {
            if (marks.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean allHan(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isHan(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isHan(char c) {
        return c >= '\u4E00' && c <= '\u9FFF' || c >= '\u3400' && c <= '\u4DBF';
    }
}
