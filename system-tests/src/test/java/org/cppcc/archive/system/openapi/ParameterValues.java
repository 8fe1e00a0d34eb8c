package org.cppcc.archive.system.openapi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a parameter value (its bytes, before percent-encoding) is one the parameter's schema admits: an integer in
 * its bounds, a boolean, one of its enum values, a date, a string within maxLength and matching its pattern. Lenient
 * where a service may be: surrounding whitespace and the case of enum values and booleans do not count.
 */
final class ParameterValues {

    private ParameterValues() {
    }

    /** Why the value breaks the schema, or null when the schema admits it. */
    static String violation(JsonNode schema, byte[] bytes) {
        String value;
        try {
            value = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null; // not text at all: whether to refuse it or read it leniently is the service's call
        }
        String v = value.strip();
        String type = schema.path("type").isArray() ? schema.path("type").path(0).asText()
                : schema.path("type").asText("");
        if (schema.has("enum")) {
            for (JsonNode e : schema.get("enum")) {
                if (e.asText().equalsIgnoreCase(v)) {
                    return null;
                }
            }
            return "is not one of " + schema.get("enum");
        }
        switch (type) {
            case "integer" -> {
                if (!v.matches("[+-]?\\d{1,400}")) {
                    return "is not an integer";
                }
                BigInteger n = new BigInteger(v);
                if (schema.has("minimum") && n.compareTo(schema.get("minimum").bigIntegerValue()) < 0) {
                    return "is below the minimum " + schema.get("minimum");
                }
                if (schema.has("maximum") && n.compareTo(schema.get("maximum").bigIntegerValue()) > 0) {
                    return "is above the maximum " + schema.get("maximum");
                }
                if (schema.has("exclusiveMinimum") && n.compareTo(schema.get("exclusiveMinimum").bigIntegerValue()) <= 0) {
                    return "is not above " + schema.get("exclusiveMinimum");
                }
                String format = schema.path("format").asText("int64");
                BigInteger limit = format.equals("int32") ? BigInteger.valueOf(Integer.MAX_VALUE)
                        : BigInteger.valueOf(Long.MAX_VALUE);
                if (n.abs().compareTo(limit) > 0) {
                    return "does not fit " + format;
                }
            }
            case "number" -> {
                try {
                    BigDecimal d = new BigDecimal(v);
                    if (schema.has("maximum") && d.compareTo(schema.get("maximum").decimalValue()) > 0) {
                        return "is above the maximum " + schema.get("maximum");
                    }
                } catch (NumberFormatException e) {
                    return "is not a number";
                }
            }
            case "boolean" -> {
                String b = v.toLowerCase(Locale.ROOT);
                if (!b.equals("true") && !b.equals("false")) {
                    return "is not a boolean";
                }
            }
            default -> {
                if (schema.has("maxLength") && value.codePointCount(0, value.length()) > schema.get("maxLength").asInt()) {
                    return "is longer than maxLength " + schema.get("maxLength");
                }
                if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value).find()) {
                    return "does not match " + schema.get("pattern").asText();
                }
                if ("date".equals(schema.path("format").asText())) {
                    try {
                        LocalDate.parse(v);
                    } catch (DateTimeParseException e) {
                        return "is not a date";
                    }
                }
            }
        }
        return null;
    }
}
