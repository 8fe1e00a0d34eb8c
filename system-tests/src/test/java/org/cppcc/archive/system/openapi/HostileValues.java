package org.cppcc.archive.system.openapi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bad values the hostile-input walker sends: for parameters as the bytes of the value (percent-encoded into a URL
 * unless {@code raw}), for JSON body fields as the bytes of a JSON value (which may be invalid UTF-8 or invalid JSON on
 * purpose). Each carries the name of its kind, so failures can be counted by it.
 */
final class HostileValues {

    static final int LONG = 100_000;
    static final int DEEP = 10_000;

    private HostileValues() {
    }

    /** A parameter value: {@code raw} ones go into the request line or header unencoded. */
    record Param(String kind, byte[] bytes, boolean raw) {
    }

    /** A JSON body value (the bytes between the colon and the comma). */
    record Json(String kind, byte[] bytes) {
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static final byte[] LONE_SURROGATE = { (byte) 0xED, (byte) 0xA0, (byte) 0x80 };
    static final byte[] INVALID_UTF8 = { 'a', (byte) 0xC3, '(', (byte) 0xFF, (byte) 0xFE, 'b' };
    static final String RTL_OVERRIDE = "\u202Eabc";
    static final String COMBINING = "a" + "\u0301\u0308\u0327".repeat(30);
    static final String FOUR_BYTE = "𠀀😀𝄞";

    /** Values for a query, path or header parameter whose schema is {@code schema}. */
    static List<Param> forParameter(String in, JsonNode schema) {
        List<Param> values = new ArrayList<>();
        boolean path = in.equals("path");
        boolean header = in.equals("header");
        if (!path) {
            values.add(new Param("empty", new byte[0], false));
        }
        values.add(new Param("100,000 characters", utf8("a".repeat(LONG)), false));
        values.add(new Param("NUL", utf8("1\u0000a"), header));
        values.add(new Param("lone surrogate", concat(utf8("1"), LONE_SURROGATE), header));
        values.add(new Param("invalid UTF-8", INVALID_UTF8, header));
        values.add(new Param("U+202E", utf8(RTL_OVERRIDE), header));
        values.add(new Param("combining marks", utf8(COMBINING), header));
        values.add(new Param("4-byte characters", utf8(FOUR_BYTE), header));
        values.add(new Param("raw non-ASCII", utf8("政协"), true));
        values.add(new Param("wrong type", utf8("abc"), false));
        values.add(new Param("float for integer", utf8("1.5"), false));
        values.add(new Param("1e309", utf8("1e309"), false));
        values.add(new Param("2^63", utf8("9223372036854775808"), false));
        values.add(new Param("-2^63-1", utf8("-9223372036854775809"), false));
        values.add(new Param("negative", utf8("-1"), false));
        if (path) {
            values.add(new Param("encoded slash", utf8("1/2"), false));
            values.add(new Param("dot segment", utf8(".."), false));
        }
        if (!header) {
            values.add(new Param("whitespace", utf8(" 1 "), false));
        } else {
            values.add(new Param("weak or odd ETag", utf8("W/\"1-v1\", \"x"), false));
        }
        String type = schema.path("type").asText("");
        if (type.equals("boolean")) {
            values.add(new Param("not a boolean", utf8("maybe"), false));
            values.add(new Param("number for boolean", utf8("1"), false));
        }
        if (schema.has("enum")) {
            values.add(new Param("out of enum", utf8("not-a-value"), false));
            values.add(new Param("enum in upper case", utf8(schema.path("enum").path(0).asText().toUpperCase(Locale.ROOT)),
                    false));
        }
        if ("date".equals(schema.path("format").asText())) {
            values.add(new Param("impossible date", utf8("2021-02-30"), false));
            values.add(new Param("year 99999", utf8("99999-01-01"), false));
        }
        return values;
    }

    /** Values for a JSON body field whose (resolved) schema is {@code schema}. */
    static List<Json> forField(JsonNode schema) {
        String type = schema.path("type").isArray() ? schema.path("type").path(0).asText()
                : schema.path("type").asText("");
        List<Json> values = new ArrayList<>();
        values.add(new Json("null", utf8("null")));
        switch (type) {
            case "integer", "number" -> {
                values.add(new Json("wrong type", utf8("\"1\"")));
                values.add(new Json("wrong type", utf8("true")));
                values.add(new Json("wrong type", utf8("{}")));
                values.add(new Json("float for integer", utf8("1.5")));
                values.add(new Json("1e309", utf8("1e309")));
                values.add(new Json("-1e309", utf8("-1e309")));
                values.add(new Json("2^63", utf8("9223372036854775808")));
                values.add(new Json("-2^63-1", utf8("-9223372036854775809")));
                values.add(new Json("2^31", utf8("2147483648")));
                values.add(new Json("negative", utf8("-1")));
                values.add(new Json("100,000 digits", utf8("9".repeat(LONG))));
            }
            case "boolean" -> {
                values.add(new Json("wrong type", utf8("\"true\"")));
                values.add(new Json("wrong type", utf8("1")));
                values.add(new Json("wrong type", utf8("[]")));
            }
            case "array" -> {
                values.add(new Json("wrong type", utf8("\"x\"")));
                values.add(new Json("wrong type", utf8("{}")));
                values.add(new Json("100,000 elements", hundredThousandArray(schema)));
                values.add(new Json("nesting 10,000 deep", deepArray()));
                values.add(new Json("null element", utf8("[null]")));
            }
            case "object" -> {
                values.add(new Json("wrong type", utf8("\"x\"")));
                values.add(new Json("wrong type", utf8("[]")));
                values.add(new Json("nesting 10,000 deep", deepObject()));
            }
            default -> { // strings and schemas without a type
                values.add(new Json("wrong type", utf8("123")));
                values.add(new Json("wrong type", utf8("true")));
                values.add(new Json("wrong type", utf8("[\"a\"]")));
                values.add(new Json("wrong type", utf8("{\"a\":1}")));
                values.add(new Json("empty", utf8("\"\"")));
                values.add(new Json("whitespace", utf8("\"   \"")));
                values.add(new Json("100,000 characters", utf8("\"" + "政".repeat(LONG) + "\"")));
                values.add(new Json("NUL", utf8("\"a\\u0000b\"")));
                values.add(new Json("lone surrogate (escaped)", utf8("\"a\\ud800b\"")));
                values.add(new Json("lone surrogate (bytes)", concat(utf8("\"a"), LONE_SURROGATE, utf8("b\""))));
                values.add(new Json("invalid UTF-8", concat(utf8("\""), INVALID_UTF8, utf8("\""))));
                values.add(new Json("U+202E", utf8("\"" + RTL_OVERRIDE + "\"")));
                values.add(new Json("combining marks", utf8("\"" + COMBINING + "\"")));
                values.add(new Json("4-byte characters", utf8("\"" + FOUR_BYTE + "\"")));
                if (schema.has("enum") || schema.has("pattern")) {
                    values.add(new Json("out of enum", utf8("\"not-a-value\"")));
                }
            }
        }
        return values;
    }

    /** 100,000 elements of the item type when it is a string, else of a string (a type error in each). */
    private static byte[] hundredThousandArray(JsonNode schema) {
        String element = schema.path("items").path("type").asText("").equals("string") ? "\"政\"" : "1";
        StringBuilder out = new StringBuilder(LONG * 4).append('[');
        for (int i = 0; i < LONG; i++) {
            out.append(i == 0 ? "" : ",").append(element);
        }
        return utf8(out.append(']').toString());
    }

    static byte[] deepArray() {
        return utf8("[".repeat(DEEP) + "]".repeat(DEEP));
    }

    static byte[] deepObject() {
        return utf8("{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP));
    }

    /** Percent-encodes every byte but the unreserved ones (so invalid UTF-8 arrives as %C3%28). */
    static String percentEncode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
