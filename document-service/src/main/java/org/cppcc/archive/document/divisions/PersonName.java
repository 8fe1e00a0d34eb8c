package org.cppcc.archive.document.divisions;

import java.util.Set;

/**
 * Whether a few characters look like a person's name: two to four Chinese characters starting with a common surname
 * (张三, 欧阳明), or a transcribed name with a middle dot (阿不都·热合曼). The surname keeps words such as 履职尽责 or
 * 要带头 from being taken for names; surnames that mostly start ordinary words (和, 时, 全, 应) are left out, and
 * {@link #GENERIC} keeps out words that start with a surname but qualify a group (常务: 常务委员 is not a member).
 */
final class PersonName {

    private static final String SURNAMES =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            + "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
            + "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
            + "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚"
            + "岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官"
            + "封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻厉伊仝郜海阚帅屠豆朴盖练廉禹井祖漆巴丰支卿国"
            + "狄平索宣晋云容敬扈晁芮阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇哈湛宾戎"
            + "勾茅於呼揭尉冶斯元束檀衣阴昝幸奉植衡尧闭";
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙",
            "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "西门", "南宫", "独孤", "呼延", "申屠", "澹台");
    private static final Set<String> GENERIC = Set.of("常务", "常委", "党员", "党派", "党外", "国家", "海外", "华侨", "文艺",
            "文史", "文化", "农业", "农村", "农民", "农工", "宗教", "高级", "高校", "金融", "司法", "安全", "关于", "支持", "宣传",
            "奉献", "诸位", "那些", "丰富", "明确", "平台", "项目", "管理", "连续");
    private static final String MIDDLE_DOTS = "·•‧・";

    private PersonName() {
    }

    /**
     * Whether {@code s[from, to)} is a name set off by a space after an office (主席　和志刚): the space says where
     * the name starts, so two to four Chinese characters of any surname do, or any name {@link #is} accepts.
     */
    static boolean isSetOff(String s, int from, int to) {
        if (is(s, from, to)) {
            return true;
        }
        int length = to - from;
        if (length < 2 || length > 4 || GENERIC.contains(s.substring(from, from + 2))) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Speakers.isHan(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s[from, to)} (match form) looks like a person's name. */
    static boolean is(String s, int from, int to) {
        int length = to - from;
        if (length < 2 || length > 12) {
            return false;
        }
        boolean dotted = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (MIDDLE_DOTS.indexOf(c) >= 0) {
                if (i == from || i == to - 1) {
                    return false;
                }
                dotted = true;
            } else if (!Speakers.isHan(c)) {
                return false;
            }
        }
        if (dotted) {
            return true;
        }
        String name = s.substring(from, to);
        if (length > 4 || GENERIC.contains(name.substring(0, 2))) {
            return false;
        }
        return COMPOUND_SURNAMES.contains(name.substring(0, 2)) ? length >= 3 : SURNAMES.indexOf(name.charAt(0)) >= 0;
    }
}
