package org.cppcc.archive.document.service;

import java.util.Arrays;
import java.util.Optional;

/** The sort orders a speech list accepts ({@code -} prefix = descending); anything else is refused. */
public enum SpeechSort {
    ORDER("order", "compilationId, speechOrder, id"),
    ORDER_DESC("-order", "compilationId desc, speechOrder desc, id desc"),
    TITLE("title", "title, id"),
    TITLE_DESC("-title", "title desc, id desc"),
    UPDATED_AT("updatedAt", "updatedAt, id"),
    UPDATED_AT_DESC("-updatedAt", "updatedAt desc, id desc"),
    ID("id", "id"),
    ID_DESC("-id", "id desc");

    private final String param;
    private final String orderBy;

    SpeechSort(String param, String orderBy) {
        this.param = param;
        this.orderBy = orderBy;
    }

    public String param() {
        return param;
    }

    String orderBy() {
        return orderBy;
    }

    public static Optional<SpeechSort> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.param.equals(value)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(SpeechSort::param).toList());
    }
}
