package org.cppcc.archive.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bodies of new speeches, as the document API takes them. */
public final class SpeechInputs {

    private SpeechInputs() {
    }

    /** A speech with a lead and one section of one paragraph, in the field order of the API's schema. */
    public static Map<String, Object> oneSection(long compilationId, int order, String committee, String title,
            String lead, String heading, String paragraph) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("compilationId", compilationId);
        input.put("order", order);
        input.put("committee", committee);
        input.put("title", title);
        input.put("bodyAvailable", true);
        input.put("lead", List.of(lead));
        input.put("sections", List.of(Map.of("ordinal", 1, "heading", heading, "paragraphs", List.of(paragraph))));
        input.put("outline", List.of());
        return input;
    }
}
