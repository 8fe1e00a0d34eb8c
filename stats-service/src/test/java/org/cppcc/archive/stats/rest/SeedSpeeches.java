package org.cppcc.archive.stats.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cppcc.archive.stats.extraction.SeedFactsTest;
import org.cppcc.archive.stats.change.ChangeItem;
import org.cppcc.archive.stats.change.Speech;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The seed's twelve speeches as the document service's change feed delivers them (one upsert each). */
public final class SeedSpeeches {

    static final ObjectMapper JSON = new ObjectMapper();

    /** region → committee, regionCode, level, parentRegion. */
    static final Map<String, String[]> COMMITTEES = new LinkedHashMap<>();

    static {
        put("成都市", "政协成都市委员会", "510100", "prefecture-city", null);
        put("泸州市", "政协泸州市委员会", "510500", "prefecture-city", null);
        put("绵阳市", "政协绵阳市委员会", "510700", "prefecture-city", null);
        put("内江市", "政协内江市委员会", "511000", "prefecture-city", null);
        put("乐山市", "政协乐山市委员会", "511100", "prefecture-city", null);
        put("巴中市", "政协巴中市委员会", "511900", "prefecture-city", null);
        put("资阳市", "政协资阳市委员会", "512000", "prefecture-city", null);
        put("甘孜藏族自治州", "政协甘孜藏族自治州委员会", "513300", "autonomous-prefecture", null);
        put("自流井区", "政协自贡市自流井区委员会", "510302", "district", "自贡市");
        put("射洪市", "政协射洪市委员会", "510981", "county-level-city", "遂宁市");
        put("顺庆区", "政协南充市顺庆区委员会", "511302", "district", "南充市");
        put("武胜县", "政协武胜县委员会", "511622", "county", "广安市");
    }

    private static void put(String region, String committee, String code, String level, String parent) {
        COMMITTEES.put(region, new String[] { committee, code, level, parent });
    }

    private SeedSpeeches() {
    }

    /** A seed committee as a speech names it. */
    public record Template(String region, String committee, String regionCode, String level, String parentRegion) {
    }

    /** The seed's twelve committees, in the seed's order. */
    public static List<Template> templates() {
        return COMMITTEES.entrySet().stream()
                .map(e -> new Template(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
    }

    /** Speech ids are 101…112 in the seed's order; cursors 1…12. */
    public static List<ChangeItem> changes(long version) throws IOException {
        Map<String, List<SeedFactsTest.Text>> byRegion = new LinkedHashMap<>();
        COMMITTEES.keySet().forEach(r -> byRegion.put(r, new ArrayList<>()));
        for (SeedFactsTest.Text t : SeedFactsTest.texts()) {
            byRegion.get(t.region()).add(t);
        }
        List<ChangeItem> changes = new ArrayList<>();
        int order = 0;
        for (Map.Entry<String, List<SeedFactsTest.Text>> e : byRegion.entrySet()) {
            order++;
            changes.add(change(order, "upsert", 100 + order, version, speech(order, e.getKey(), e.getValue(), version)));
        }
        return changes;
    }

    /** A change of the feed with the speech as document-service writes it (null: a delete). */
    public static ChangeItem change(long cursor, String type, long speechId, long version, ObjectNode speech) {
        try {
            return new ChangeItem(cursor, type, speechId, version,
                    speech == null ? null : JSON.treeToValue(speech, Speech.class));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A speech of a change as JSON again, to derive another version from it. */
    public static ObjectNode json(ChangeItem change) {
        return JSON.valueToTree(change.speech());
    }

    static ObjectNode speech(int order, String region, List<SeedFactsTest.Text> texts, long version) {
        String[] c = COMMITTEES.get(region);
        ObjectNode s = JSON.createObjectNode();
        s.put("id", 100 + order).put("order", order).put("committee", c[0]).put("region", region)
                .put("regionCode", c[1]).put("level", c[2]).put("parentRegion", c[3]).put("title", "title " + order)
                .put("compilationId", 1).put("version", version);
        ArrayNode lead = s.putArray("lead");
        ArrayNode sections = s.putArray("sections");
        ArrayNode outline = s.putArray("outline");
        ObjectNode section = null;
        int p = 0;
        for (SeedFactsTest.Text t : texts) {
            switch (t.kind()) {
                case "O" -> outline.add(t.text());
                case "H" -> {
                    section = sections.addObject();
                    section.put("ordinal", sections.size()).put("heading", t.text().replaceFirst("^[一二三四五六七八九十]+、", ""));
                    section.putArray("paragraphs");
                    outline.add(t.text());
                }
                default -> {
                    p++;
                    if (section == null) {
                        lead.add(t.text());
                    } else {
                        ((ArrayNode) section.get("paragraphs")).addObject().put("id", "p-" + p).put("text", t.text());
                    }
                }
            }
        }
        s.put("bodyAvailable", sections.size() > 0);
        s.put("truncated", order == 6);
        return s;
    }
}
