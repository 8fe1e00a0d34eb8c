package org.cppcc.archive.stats.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Speeches from beyond the seed, as the change feed delivers them: a Zhejiang district and a democratic party. */
public final class OtherSpeeches {

    private OtherSpeeches() {
    }

    /** 政协杭州市西湖区委员会: platforms and members of a region outside Sichuan (3—5 per group: not a total). */
    public static ObjectNode xihu() {
        ObjectNode s = speech(201, "政协杭州市西湖区委员会", "committee", null);
        s.put("region", "西湖区").put("regionCode", "330106").put("level", "district").put("parentRegion", "杭州市");
        paragraph(s, "全区建成村级协商议事会120个、街道协商平台10个。780名委员全部编入18个委员工作组，每个工作组联系3—5名驻点委员。");
        return s;
    }

    /** 民盟四川省委会: a speaker that is no regional body, so without a region; the feed names its kind. */
    public static ObjectNode party() {
        ObjectNode s = speech(202, "民盟四川省委会", "party", "张三");
        s.putNull("region").putNull("regionCode").putNull("level").putNull("parentRegion");
        paragraph(s, "全年提交集体提案12件。");
        return s;
    }

    private static ObjectNode speech(long id, String committee, String kind, String person) {
        ObjectNode s = SeedSpeeches.JSON.createObjectNode();
        s.put("id", id).put("order", 1).put("committee", committee).put("speakerKind", kind).put("speakerName", person)
                .put("title", "title " + id).put("compilationId", 2).put("version", 1).put("bodyAvailable", true)
                .put("truncated", false);
        s.putArray("lead");
        s.putArray("outline");
        return s;
    }

    private static void paragraph(ObjectNode s, String text) {
        ObjectNode section = s.putArray("sections").addObject().put("ordinal", 1).put("heading", "工作");
        section.putArray("paragraphs").addObject().put("id", "p-1").put("text", text);
    }
}
