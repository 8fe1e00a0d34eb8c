package org.cppcc.archive.system.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The merged OpenAPI document stays equivalent to the one the services documented before the restructuring of issue
 * 14 ({@code src/test/resources/openapi/before-issue-14.json}, the build-time document of main at 2832e3d): every
 * operation, parameter, request body, response code, header, schema and property is still there with the same type.
 * What may change is listed below, by kind and, for anything that changes a type or a shape, one by one: a change
 * that is not listed fails the test. {@link MergedOpenApiFileIT} shows that the build-time document is the one the
 * gateway serves, so this compares the deployed contract.
 */
class OpenApiEquivalenceIT {

    private static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    private static final Path CURRENT = REPO.resolve("api-client/target/openapi/speech-archive-openapi.json");
    private static final List<String> METHODS = MergedOpenApiIT.METHODS;

    /** Text for people: may change anywhere. */
    static final Set<String> TEXT = Set.of("description", "summary", "example", "examples", "title", "externalDocs");

    /**
     * Limits (issue 12 item 6): may be added to any schema where none was stated. A limit that was stated must stay as
     * it was (a changed one would show up as "changed").
     */
    static final Set<String> ADDED_LIMITS = Set.of("maxLength", "minLength", "maximum", "minimum", "exclusiveMaximum",
            "exclusiveMinimum", "maxItems", "minItems", "pattern", "format", "enum");

    /**
     * Components that may have been renamed: the three services' problem types become one (the http-contract module's
     * {@code Problem}, decision 1), so the merger no longer needs to prefix them.
     */
    static final Map<String, String> RENAMED = Map.of(
            "DocumentProblem", "Problem",
            "SearchProblem", "Problem");

    /**
     * Each allowed change of a type or a shape, as the difference this test reports, matched whole. Everything else
     * that is reported fails.
     */
    static final List<Pattern> ALLOWED = List.of(
            // Decision 2: the feed status of stats takes the fields and types of search's.
            Pattern.compile("#/components/schemas/StatsStatus/properties/(feedCursor|feedHead)/type: changed \"string\" → \"integer\""),
            Pattern.compile("#/components/schemas/StatsStatus/properties/feedHead/type: changed \"string\" → \\[\"integer\",\"null\"\\]"),
            Pattern.compile("#/components/schemas/StatsStatus/properties/(lag|consumerEnabled|lastPollAt|lastError): removed"),
            Pattern.compile("#/components/schemas/StatsStatus/properties/(lagChanges|lagSeconds|feedRunning|feedError|lastAppliedAt): added"),
            Pattern.compile("#/components/schemas/(StatsStatus|SearchStatus)/properties/(feedHead|feedError|lastAppliedAt|lastRebuild)/nullable: added"),
            // Decision 1: one Problem for every service; the search and stats ones gain the import's line.
            Pattern.compile("#/components/schemas/SearchProblem/properties/line: added"),
            // Issue 12 item 3: fields the services answer as null are marked nullable instead of lying.
            Pattern.compile("#/components/schemas/(CompilationPreview|CompilationDetail|CompilationSummary|SpeechDetail"
                    + "|SpeechItem)/properties/\\w+/nullable: added"),
            Pattern.compile("#/components/schemas/ChangeItem/properties/speech/properties/\\w+/nullable: added"),
            Pattern.compile("#/components/schemas/Speaker/properties/\\w+/nullable: added"),
            Pattern.compile("#/components/schemas/ChangeItem/properties/speech/nullable: added"),
            // Issue 12 item 6: stats' ids, pages and sizes were documented as bare strings; they are the integers the
            // service parses (a non-integer was and is a 400)
            Pattern.compile("#/paths/~1api~1v1~1stats~1(platforms|members|coverage|facts|topics)/get/parameters/"
                    + "query:(compilationId|speechId|page|size)/schema/type: changed \"string\" → \"integer\""),
            Pattern.compile("#/paths/~1api~1v1~1stats~1facts/get/parameters/query:(page|size)/schema/default: added"),
            // Issue 12 item 3: the level filters are enforced, so they list every level the services store (GB/T 2260's
            // eleven, not the five of the seed's province).
            Pattern.compile("#/paths/~1api~1v1~1(speeches|search)/get/parameters/query:level/schema/enum: changed .*"),
            // Issue 13 item 4: platforms and members answer one page of their rows (each row's facts capped, with a
            // count and the facts query that lists them all), so they take page and size like the other lists.
            Pattern.compile("#/paths/~1api~1v1~1stats~1(platforms|members)/get/parameters/query:(page|size): added"),
            // Issue 13 item 4: a row's facts query names exactly the row's facts: its region code, its compilation,
            // and only the facts a total adds up (summed).
            Pattern.compile("#/paths/~1api~1v1~1stats~1facts/get/parameters/query:(regionCode|compilationId|summed): added"),
            // Issue 16 item 5: several stats-services share a database; the status says which holds the consumer lease.
            Pattern.compile("#/components/schemas/StatsStatus/properties/(replica|leaseHeld): added"));

    @Test
    void theCurrentDocumentHasEverythingTheBeforeDocumentHad() throws Exception {
        assertTrue(Files.exists(CURRENT), CURRENT + " is missing: build api-client before the system tests");
        JsonNode before;
        try (InputStream in = getClass().getResourceAsStream("/openapi/before-issue-14.json")) {
            before = new ObjectMapper().readTree(in);
        }
        JsonNode after = new ObjectMapper().readTree(CURRENT.toFile());
        Comparison comparison = new Comparison(before, after);
        comparison.compareDocuments();

        List<String> unexpected = comparison.differences.stream()
                .filter(d -> ALLOWED.stream().noneMatch(p -> p.matcher(d).matches())).toList();
        System.out.println("openapi equivalence: " + comparison.differences.size() + " differences, "
                + (comparison.differences.size() - unexpected.size()) + " allowed, " + comparison.added.size()
                + " limits added, " + comparison.operations + " operations and " + comparison.schemas
                + " schemas compared");
        comparison.differences.forEach(d -> System.out.println("  " + d));
        assertEquals(27, comparison.operations, "operations of the before-document");
        assertEquals(List.of(), unexpected, "changes to the contract that are not listed as allowed");
    }

    /** The comparison sees a changed type, a dropped response and a dropped property, and lets added limits pass. */
    @Test
    void theComparisonFindsWhatChanged() throws Exception {
        JsonNode before;
        try (InputStream in = getClass().getResourceAsStream("/openapi/before-issue-14.json")) {
            before = new ObjectMapper().readTree(in);
        }
        com.fasterxml.jackson.databind.node.ObjectNode after = before.deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode speechInput = (com.fasterxml.jackson.databind.node.ObjectNode)
                after.path("components").path("schemas").path("SpeechInput");
        ((com.fasterxml.jackson.databind.node.ObjectNode) speechInput.path("properties").path("order")).put("type",
                "string");
        ((com.fasterxml.jackson.databind.node.ObjectNode) speechInput.path("properties")).remove("outline");
        ((com.fasterxml.jackson.databind.node.ObjectNode) speechInput.path("properties").path("lead"))
                .put("maxItems", 50);
        ((com.fasterxml.jackson.databind.node.ObjectNode) speechInput.path("properties").path("speakerName"))
                .put("minLength", 1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) after.path("paths").path("/api/v1/speeches").path("get")
                .path("responses")).remove("400");
        Comparison comparison = new Comparison(before, after);
        comparison.compareDocuments();
        assertEquals(Set.of(
                "#/components/schemas/SpeechInput/properties/order/type: changed \"integer\" → \"string\"",
                "#/components/schemas/SpeechInput/properties/outline: removed",
                "#/paths/~1api~1v1~1speeches/get/responses/400: removed"), comparison.differences);
        assertEquals(Set.of("#/components/schemas/SpeechInput/properties/speakerName/minLength"), comparison.added);
    }

    /** The differences between a before- and an after-document, as "pointer: what". */
    static final class Comparison {

        final JsonNode before;
        final JsonNode after;
        final Set<String> differences = new LinkedHashSet<>();
        final Set<String> added = new LinkedHashSet<>();
        int operations;
        int schemas;

        Comparison(JsonNode before, JsonNode after) {
            this.before = before;
            this.after = after;
        }

        void compareDocuments() {
            Set<String> tags = new TreeSet<>();
            after.path("tags").forEach(t -> tags.add(t.path("name").asText()));
            before.path("tags").forEach(t -> {
                if (!tags.contains(t.path("name").asText())) {
                    differences.add("#/tags/" + t.path("name").asText() + ": removed");
                }
            });
            before.path("paths").fields().forEachRemaining(path -> {
                for (String method : METHODS) {
                    JsonNode op = path.getValue().get(method);
                    if (op != null) {
                        operations++;
                        compareOperation("#/paths/" + escape(path.getKey()) + "/" + method, op,
                                after.path("paths").path(path.getKey()).path(method));
                    }
                }
            });
            before.path("components").path("schemas").fields().forEachRemaining(schema -> {
                schemas++;
                String ptr = "#/components/schemas/" + schema.getKey();
                JsonNode now = after.path("components").path("schemas").path(componentName(schema.getKey()));
                if (now.isMissingNode()) {
                    differences.add(ptr + ": removed");
                } else {
                    compareSchema(ptr, schema.getValue(), now);
                }
            });
            before.path("components").path("headers").fields().forEachRemaining(header -> {
                String ptr = "#/components/headers/" + header.getKey();
                JsonNode now = after.path("components").path("headers").path(header.getKey());
                if (now.isMissingNode()) {
                    differences.add(ptr + ": removed");
                } else {
                    compareSchema(ptr + "/schema", header.getValue().path("schema"), now.path("schema"));
                }
            });
            before.path("components").path("securitySchemes").fields().forEachRemaining(scheme -> {
                JsonNode now = after.path("components").path("securitySchemes").path(scheme.getKey());
                String ptr = "#/components/securitySchemes/" + scheme.getKey();
                if (!now.path("type").equals(scheme.getValue().path("type"))) {
                    differences.add(ptr + ": type " + scheme.getValue().path("type") + " → " + now.path("type"));
                }
                scheme.getValue().path("flows").fieldNames().forEachRemaining(flow -> {
                    if (!now.path("flows").has(flow)) {
                        differences.add(ptr + "/flows/" + flow + ": removed");
                    }
                });
            });
            if (!before.path("security").equals(after.path("security"))) {
                differences.add("#/security: changed " + before.path("security") + " → " + after.path("security"));
            }
        }

        private String componentName(String name) {
            if (!after.path("components").path("schemas").has(name) && RENAMED.containsKey(name)) {
                return RENAMED.get(name);
            }
            return name;
        }

        private void compareOperation(String ptr, JsonNode op, JsonNode now) {
            if (now.isMissingNode()) {
                differences.add(ptr + ": removed");
                return;
            }
            same(ptr + "/operationId", op.path("operationId"), now.path("operationId"));
            same(ptr + "/tags", op.path("tags"), now.path("tags"));
            same(ptr + "/security", op.path("security"), now.path("security"));

            Map<String, JsonNode> params = new java.util.LinkedHashMap<>();
            now.path("parameters").forEach(p -> params.put(p.path("in").asText() + ":" + p.path("name").asText(), p));
            Set<String> seen = new TreeSet<>();
            for (JsonNode p : op.path("parameters")) {
                String key = p.path("in").asText() + ":" + p.path("name").asText();
                seen.add(key);
                String where = ptr + "/parameters/" + key;
                JsonNode q = params.get(key);
                if (q == null) {
                    differences.add(where + ": removed");
                    continue;
                }
                same(where + "/required", p.path("required"), q.path("required"));
                compareSchema(where + "/schema", p.path("schema"), q.path("schema"));
            }
            params.keySet().stream().filter(k -> !seen.contains(k))
                    .forEach(k -> differences.add(ptr + "/parameters/" + k + ": added"));

            JsonNode body = op.path("requestBody");
            JsonNode nowBody = now.path("requestBody");
            if (!body.isMissingNode() || !nowBody.isMissingNode()) {
                same(ptr + "/requestBody/required", body.path("required"), nowBody.path("required"));
                compareContent(ptr + "/requestBody", body.path("content"), nowBody.path("content"), true);
            }

            op.path("responses").fields().forEachRemaining(r -> {
                String where = ptr + "/responses/" + r.getKey();
                JsonNode response = now.path("responses").path(r.getKey());
                if (response.isMissingNode()) {
                    differences.add(where + ": removed");
                    return;
                }
                compareContent(where, r.getValue().path("content"), response.path("content"), false);
                r.getValue().path("headers").fields().forEachRemaining(h -> {
                    JsonNode header = response.path("headers").path(h.getKey());
                    if (header.isMissingNode()) {
                        differences.add(where + "/headers/" + h.getKey() + ": removed");
                    } else if (h.getValue().has("$ref") || header.has("$ref")) {
                        same(where + "/headers/" + h.getKey() + "/$ref", h.getValue().path("$ref"),
                                header.path("$ref"));
                    } else {
                        compareSchema(where + "/headers/" + h.getKey() + "/schema", h.getValue().path("schema"),
                                header.path("schema"));
                    }
                });
            });
        }

        /** The same media types; a request may not accept a new one, a response may add one (e.g. CSV). */
        private void compareContent(String ptr, JsonNode content, JsonNode now, boolean request) {
            content.fields().forEachRemaining(media -> {
                String where = ptr + "/content/" + escape(media.getKey());
                JsonNode other = now.path(media.getKey());
                if (other.isMissingNode()) {
                    differences.add(where + ": removed");
                } else {
                    compareSchema(where + "/schema", media.getValue().path("schema"), other.path("schema"));
                }
            });
            if (request) {
                now.fieldNames().forEachRemaining(media -> {
                    if (!content.has(media)) {
                        differences.add(ptr + "/content/" + escape(media) + ": added");
                    }
                });
            }
        }

        private void compareSchema(String ptr, JsonNode was, JsonNode is) {
            if (was.has("$ref")) {
                String name = was.path("$ref").asText().replace("#/components/schemas/", "");
                String expected = "#/components/schemas/" + componentName(name);
                JsonNode any = is.path("anyOf");
                if (!is.has("$ref") && any.size() == 2 && any.path(0).path("$ref").asText().equals(expected)
                        && any.path(1).path("type").asText().equals("null")) {
                    // OpenAPI 3.1's nullable reference: {"anyOf": [{"$ref": …}, {"type": "null"}]}
                    differences.add(ptr + "/nullable: added");
                } else if (!is.path("$ref").asText().equals(expected)) {
                    differences.add(ptr + ": $ref " + was.path("$ref") + " → " + describe(is));
                }
                return;
            }
            if (is.has("$ref")) {
                differences.add(ptr + ": inline schema → $ref " + is.path("$ref"));
                return;
            }
            was.fields().forEachRemaining(field -> {
                String key = field.getKey();
                String where = ptr + "/" + key;
                JsonNode value = field.getValue();
                JsonNode other = is.get(key);
                if (TEXT.contains(key)) {
                    return;
                }
                if (other == null) {
                    differences.add(where + ": removed");
                    return;
                }
                switch (key) {
                    case "properties" -> {
                        value.fields().forEachRemaining(p -> {
                            if (!other.has(p.getKey())) {
                                differences.add(ptr + "/properties/" + p.getKey() + ": removed");
                            } else {
                                compareSchema(ptr + "/properties/" + p.getKey(), p.getValue(), other.get(p.getKey()));
                            }
                        });
                        other.fieldNames().forEachRemaining(p -> {
                            if (!value.has(p)) {
                                differences.add(ptr + "/properties/" + p + ": added");
                            }
                        });
                    }
                    case "items", "not" -> compareSchema(where, value, other);
                    case "additionalProperties" -> {
                        if (value.isObject() && other.isObject()) {
                            compareSchema(where, value, other);
                        } else {
                            same(where, value, other);
                        }
                    }
                    case "allOf", "oneOf", "anyOf" -> {
                        if (value.size() != other.size()) {
                            differences.add(where + ": " + value.size() + " → " + other.size() + " schemas");
                        } else {
                            for (int i = 0; i < value.size(); i++) {
                                compareSchema(where + "/" + i, value.get(i), other.get(i));
                            }
                        }
                    }
                    case "required" -> {
                        Set<String> a = new TreeSet<>();
                        Set<String> b = new TreeSet<>();
                        value.forEach(v -> a.add(v.asText()));
                        other.forEach(v -> b.add(v.asText()));
                        if (!a.equals(b)) {
                            differences.add(where + ": changed " + a + " → " + b);
                        }
                    }
                    case "type" -> {
                        // OpenAPI 3.1 says nullable as a type array: "string" → ["string", "null"]
                        if (value.isTextual() && other.isArray() && other.size() == 2
                                && other.toString().contains("\"null\"") && other.toString().contains(value.toString())) {
                            differences.add(ptr + "/nullable: added");
                        } else {
                            same(where, value, other);
                        }
                    }
                    default -> same(where, value, other);
                }
            });
            is.fieldNames().forEachRemaining(key -> {
                if (was.has(key) || TEXT.contains(key)) {
                    return;
                }
                if (ADDED_LIMITS.contains(key)) {
                    added.add(ptr + "/" + key);
                } else {
                    differences.add(ptr + "/" + key + ": added");
                }
            });
        }

        private void same(String ptr, JsonNode was, JsonNode is) {
            if (!was.equals(is)) {
                if (was.isMissingNode()) {
                    differences.add(ptr + ": added");
                } else if (is.isMissingNode()) {
                    differences.add(ptr + ": removed");
                } else {
                    differences.add(ptr + ": changed " + abbreviate(was) + " → " + abbreviate(is));
                }
            }
        }

        private static String describe(JsonNode schema) {
            return schema.has("$ref") ? schema.path("$ref").toString() : abbreviate(schema);
        }

        private static String abbreviate(JsonNode node) {
            String text = node.toString();
            return text.length() > 100 ? text.substring(0, 97) + "..." : text;
        }

        private static String escape(String name) {
            return name.replace("~", "~0").replace("/", "~1");
        }
    }
}
