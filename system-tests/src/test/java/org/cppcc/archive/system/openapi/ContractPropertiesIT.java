package org.cppcc.archive.system.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 12 item 6: the merged OpenAPI document states the limits and the answers. Every string a client sends (in a
 * parameter or a request body) has a maxLength, an enum or a format that bounds it; every array it sends a maxItems;
 * every integer anywhere a format, a minimum and a maximum; every operation documents its problem answers (400 where
 * it takes input, 401/403, 404 where the path names a resource, 406, 413/415 where it takes a body, 414, 429, 431,
 * 500, 502, 503, 504) as problem+json, and every answer the gateway's headers (request id, rate limit, CORS). That the
 * services enforce what is stated is {@link HostileInputIT}'s part: it sends values beyond each limit.
 * Reads the build-time document, which {@link MergedOpenApiFileIT} shows is the one the gateway serves.
 */
class ContractPropertiesIT {

    private static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    private static final Path MERGED_FILE = REPO.resolve("api-client/target/openapi/speech-archive-openapi.json");
    static final List<String> ANSWER_HEADERS = List.of("X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining",
            "X-RateLimit-Reset", "Access-Control-Allow-Origin", "Access-Control-Expose-Headers");
    /** Formats whose strings are bounded by their grammar. */
    static final Set<String> BOUNDED_FORMATS = Set.of("date", "date-time", "binary");

    private static JsonNode spec;
    private static SchemaCheck schemas;

    @BeforeAll
    static void read() throws Exception {
        assertTrue(Files.exists(MERGED_FILE), MERGED_FILE + " is missing: build api-client before the system tests");
        spec = new ObjectMapper().readTree(MERGED_FILE.toFile());
        schemas = new SchemaCheck(spec);
    }

    @Test
    void everyOperationDocumentsItsProblemAnswersAndTheGatewaysHeaders() {
        List<String> problems = new ArrayList<>();
        forEachOperation((where, op) -> {
            boolean body = op.has("requestBody");
            boolean input = body || op.path("parameters").size() > 0;
            List<String> expected = new ArrayList<>(List.of("401", "403", "406", "414", "429", "431", "500", "502",
                    "503", "504"));
            if (input) {
                expected.add("400");
            }
            if (where.contains("{")) {
                expected.add("404");
            }
            if (body) {
                expected.add("413");
                expected.add("415");
            }
            for (String status : expected) {
                JsonNode response = op.path("responses").path(status);
                String ref = response.path("content").path(HostileInputIT.PROBLEM_JSON).path("schema").path("$ref")
                        .asText("");
                if (response.isMissingNode()) {
                    problems.add(where + ": no " + status);
                } else if (!ref.endsWith("Problem")) {
                    problems.add(where + ": " + status + " is not documented as problem+json with a Problem schema");
                }
            }
            for (String status : List.of("429", "503")) {
                if (!op.path("responses").path(status).path("headers").has("Retry-After")) {
                    problems.add(where + ": " + status + " without Retry-After");
                }
            }
            op.path("responses").fields().forEachRemaining(r -> {
                for (String header : ANSWER_HEADERS) {
                    if (!r.getValue().path("headers").has(header)) {
                        problems.add(where + ": " + r.getKey() + " does not document " + header);
                    }
                }
            });
        });
        assertEquals(List.of(), problems, problems.size() + " operations' answers undocumented");
    }

    @Test
    void everyIntegerHasAFormatAndBounds() {
        List<String> problems = new ArrayList<>();
        Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        spec.path("components").path("schemas").fields().forEachRemaining(s ->
                walk("#/components/schemas/" + s.getKey(), s.getValue(), seen, (where, schema) -> integer(where, schema,
                        problems)));
        spec.path("components").path("headers").fields().forEachRemaining(h ->
                integer("#/components/headers/" + h.getKey(), h.getValue().path("schema"), problems));
        forEachOperation((where, op) -> {
            for (JsonNode p : op.path("parameters")) {
                walk(where + " " + p.path("name").asText(), p.path("schema"), seen,
                        (w, schema) -> integer(w, schema, problems));
            }
            op.path("requestBody").path("content").fields().forEachRemaining(c -> walk(where + " body",
                    c.getValue().path("schema"), seen, (w, schema) -> integer(w, schema, problems)));
            op.path("responses").fields().forEachRemaining(r -> r.getValue().path("content").fields()
                    .forEachRemaining(c -> walk(where + " " + r.getKey(), c.getValue().path("schema"), seen,
                            (w, schema) -> integer(w, schema, problems))));
        });
        assertEquals(List.of(), problems, problems.size() + " integers without format or bounds");
    }

    @Test
    void everyStringAndArrayAClientSendsIsBounded() {
        List<String> problems = new ArrayList<>();
        forEachOperation((where, op) -> {
            Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (JsonNode p : op.path("parameters")) {
                walk(where + " " + p.path("in").asText() + ":" + p.path("name").asText(), p.path("schema"), seen,
                        (w, schema) -> bounded(w, schema, problems));
            }
            op.path("requestBody").path("content").fields().forEachRemaining(c -> walk(where + " body "
                    + c.getKey(), c.getValue().path("schema"), seen, (w, schema) -> bounded(w, schema, problems)));
        });
        assertEquals(List.of(), problems, problems.size() + " unbounded values a client sends");
    }

    private static void integer(String where, JsonNode schema, List<String> problems) {
        if (!types(schema).contains("integer")) {
            return;
        }
        if (!schema.has("format")) {
            problems.add(where + ": integer without format");
        }
        if (!schema.has("minimum") && !schema.has("exclusiveMinimum")) {
            problems.add(where + ": integer without minimum");
        }
        if (!schema.has("maximum") && !schema.has("exclusiveMaximum")) {
            problems.add(where + ": integer without maximum");
        }
    }

    private static void bounded(String where, JsonNode schema, List<String> problems) {
        Set<String> types = types(schema);
        if ((types.contains("string") || (types.isEmpty() && schema.has("pattern"))) && !schema.has("maxLength")
                && !schema.has("enum") && !BOUNDED_FORMATS.contains(schema.path("format").asText())) {
            problems.add(where + ": string without maxLength" + (schema.has("pattern") ? " (has a pattern)" : ""));
        }
        if (types.contains("array") && !schema.has("maxItems")) {
            problems.add(where + ": array without maxItems");
        }
        if (types.isEmpty() && !schema.has("enum") && !schema.has("$ref") && !schema.has("properties")
                && !schema.has("anyOf") && !schema.has("oneOf") && !schema.has("allOf")) {
            problems.add(where + ": no type");
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> out = new java.util.TreeSet<>();
        if (type.isTextual()) {
            out.add(type.asText());
        } else {
            type.forEach(t -> out.add(t.asText()));
        }
        out.remove("null");
        return out;
    }

    /** Calls {@code check} on the schema and every schema inside it ($refs followed once). */
    private static void walk(String where, JsonNode schema, Set<JsonNode> seen,
            java.util.function.BiConsumer<String, JsonNode> check) {
        if (schema == null || schema.isMissingNode() || !schema.isObject()) {
            return;
        }
        if (schema.has("$ref")) {
            JsonNode target = schemas.resolve(schema);
            if (seen.add(target)) {
                walk(schema.path("$ref").asText(), target, seen, check);
            }
            return;
        }
        check.accept(where, schema);
        schema.path("properties").fields().forEachRemaining(p -> walk(where + "." + p.getKey(), p.getValue(), seen,
                check));
        walk(where + "[]", schema.path("items"), seen, check);
        if (schema.path("additionalProperties").isObject()) {
            walk(where + "{}", schema.path("additionalProperties"), seen, check);
        }
        for (String combination : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonNode sub : schema.path(combination)) {
                walk(where, sub, seen, check);
            }
        }
    }

    private static void forEachOperation(java.util.function.BiConsumer<String, JsonNode> action) {
        for (Map.Entry<String, JsonNode> path : (Iterable<Map.Entry<String, JsonNode>>) spec.path("paths")::fields) {
            for (String method : MergedOpenApiIT.METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    action.accept(method.toUpperCase() + " " + path.getKey(), op);
                }
            }
        }
    }
}
