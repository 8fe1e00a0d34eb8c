package org.cppcc.archive.system.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A small JSON-schema check of a value against a schema of an OpenAPI 3.1 document (with its {@code $ref}s): types
 * (a type array with "null", or {@code nullable}), required properties, enums, maxLength/minLength (in code points),
 * pattern, maximum/minimum (and exclusive), maxItems/minItems, items, properties, additionalProperties, allOf, anyOf
 * and oneOf. Enough to say whether an answer is what the document promises; not a full validator.
 */
final class SchemaCheck {

    private static final int MAX_ITEMS_CHECKED = 200;
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** What in {@code value} contradicts {@code schema}, as "json-path: what"; empty when it matches. */
    List<String> check(JsonNode schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "$", errors, 0);
        return errors;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 20 && s.has("$ref"); i++) {
            JsonNode target = document;
            for (String part : s.path("$ref").asText().substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            s = target;
        }
        return s;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> errors, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 60 || errors.size() > 20) {
            return;
        }
        if (schema.has("$ref")) {
            check(resolve(schema), value, at, errors, depth + 1);
        }
        Set<String> types = new HashSet<>();
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        if (value.isNull()) {
            boolean mayBeNull = schema.path("nullable").asBoolean(false) || types.contains("null")
                    || (schema.has("$ref") && resolveAllowsNull(resolve(schema)));
            if (!mayBeNull && (!types.isEmpty() || schema.has("$ref") || schema.has("properties"))) {
                errors.add(at + ": null, but the schema does not allow null");
            }
            return;
        }
        if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
            errors.add(at + ": " + value.asText() + " is no finite number");
            return;
        }
        if (!types.isEmpty() && types.stream().noneMatch(t -> hasType(t, value))) {
            errors.add(at + ": " + kind(value) + ", the schema says " + types);
            return;
        }
        JsonNode enumeration = schema.get("enum");
        if (enumeration != null && enumeration.isArray()) {
            boolean found = false;
            for (JsonNode e : enumeration) {
                found |= e.equals(value) || (e.isTextual() && value.isTextual() && e.asText().equals(value.asText()));
            }
            if (!found) {
                errors.add(at + ": " + abbreviate(value) + " is not one of " + enumeration);
            }
        }
        if (value.isTextual()) {
            String text = value.asText();
            int length = text.codePointCount(0, text.length());
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                errors.add(at + ": " + length + " characters, maxLength " + schema.get("maxLength").asInt());
            }
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                errors.add(at + ": " + length + " characters, minLength " + schema.get("minLength").asInt());
            }
            if (schema.has("pattern")) {
                Pattern p = PATTERNS.computeIfAbsent(schema.get("pattern").asText(), Pattern::compile);
                if (!p.matcher(text).find()) {
                    errors.add(at + ": " + abbreviate(value) + " does not match " + p.pattern());
                }
            }
        }
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            bound(schema, "maximum", number, at, errors, +1, false);
            bound(schema, "minimum", number, at, errors, -1, false);
            bound(schema, "exclusiveMaximum", number, at, errors, +1, true);
            bound(schema, "exclusiveMinimum", number, at, errors, -1, true);
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                errors.add(at + ": " + value.size() + " items, maxItems " + schema.get("maxItems").asInt());
            }
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                errors.add(at + ": " + value.size() + " items, minItems " + schema.get("minItems").asInt());
            }
            JsonNode items = schema.get("items");
            if (items != null && items.isObject()) {
                for (int i = 0; i < Math.min(value.size(), MAX_ITEMS_CHECKED); i++) {
                    check(items, value.get(i), at + "[" + i + "]", errors, depth + 1);
                }
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    errors.add(at + ": the required property " + required.asText() + " is missing");
                }
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            value.fields().forEachRemaining(field -> {
                String where = at + "." + field.getKey();
                if (properties.has(field.getKey())) {
                    check(properties.get(field.getKey()), field.getValue(), where, errors, depth + 1);
                } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                    errors.add(where + ": a property the schema does not have");
                } else if (additional != null && additional.isObject()) {
                    check(additional, field.getValue(), where, errors, depth + 1);
                }
            });
        }
        for (JsonNode sub : schema.path("allOf")) {
            check(sub, value, at, errors, depth + 1);
        }
        for (String any : List.of("anyOf", "oneOf")) {
            if (schema.has(any)) {
                boolean matched = false;
                List<String> first = null;
                for (JsonNode sub : schema.get(any)) {
                    List<String> attempt = new ArrayList<>();
                    check(sub, value, at, attempt, depth + 1);
                    matched |= attempt.isEmpty();
                    first = first == null ? attempt : first;
                }
                if (!matched) {
                    errors.add(at + ": matches none of the " + any + " schemas (the first: "
                            + String.join("; ", first.subList(0, Math.min(2, first.size()))) + ")");
                }
            }
        }
    }

    private static boolean resolveAllowsNull(JsonNode schema) {
        JsonNode type = schema.get("type");
        return schema.path("nullable").asBoolean(false)
                || (type != null && type.isArray() && type.toString().contains("\"null\""));
    }

    private static void bound(JsonNode schema, String keyword, BigDecimal number, String at, List<String> errors,
            int side, boolean exclusive) {
        JsonNode limit = schema.get(keyword);
        if (limit == null || !limit.isNumber()) {
            return;
        }
        int cmp = number.compareTo(limit.decimalValue()) * side;
        if (cmp > 0 || (exclusive && cmp == 0)) {
            errors.add(at + ": " + number + " beyond " + keyword + " " + limit);
        }
    }

    private static boolean hasType(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber()
                    || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase() + " " + abbreviate(value);
    }

    static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
