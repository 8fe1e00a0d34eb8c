package org.cppcc.archive.document.mapping;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes and reads the JSON documents kept in TEXT columns (a speech's body, a compilation's preface and parse
 * report). What this service wrote itself failing to serialise or parse is a bug, not bad input: IllegalStateException.
 */
@ApplicationScoped
public class JsonColumns {

    private final ObjectMapper json;

    public JsonColumns(ObjectMapper json) {
        this.json = json;
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a " + value.getClass().getSimpleName() + " column", e);
        }
    }

    /** {@code value} as a JSON object tree, to be completed and written with {@link #write}. */
    ObjectNode tree(Object value) {
        return json.valueToTree(value);
    }

    <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column is not valid JSON for " + type.getType(), e);
        }
    }
}
