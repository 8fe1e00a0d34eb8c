package org.cppcc.archive.document.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for speech writes. */
public final class Speeches {

    private Speeches() {
    }

    /** A valid speech input with two sections (paragraphs p-1..p-3) of the given compilation. */
    public static Map<String, Object> input(long compilationId, int order, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("compilationId", compilationId);
        body.put("order", order);
        body.put("committee", "政协成都市委员会");
        body.put("title", title);
        body.put("tocPage", 1);
        body.put("bodyAvailable", true);
        body.put("truncated", false);
        body.put("lead", List.of("近年来,成都市政协坚持党的领导。"));
        body.put("sections", List.of(
                Map.of("ordinal", 1, "heading", "强引领,把准履职方向",
                        "paragraphs", List.of("镇级协商平台46个、村级平台23个。", "1788名委员全部划入10个工作组。")),
                Map.of("ordinal", 2, "heading", "夯基础", "paragraphs", List.of("第三段。"))));
        body.put("outline", List.of("一、强引领", "二、夯基础"));
        return body;
    }
}
