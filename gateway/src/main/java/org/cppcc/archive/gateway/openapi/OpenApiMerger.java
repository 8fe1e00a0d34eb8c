package org.cppcc.archive.gateway.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges the services' own OpenAPI documents into the gateway's: keeps the {@code /api/} paths each service
 * serves through the gateway, merges components (prefixing a name with the service only where two services define
 * it differently), keeps tags, keeps operationIds unique, and puts the gateway's OAuth2 scheme (Keycloak) on every
 * operation together with the answers only the gateway gives (429 rate limit, 502-504 upstream trouble).
 * Pure: no I/O, so it is unit-tested on its own.
 */
public final class OpenApiMerger {

    static final String SCHEME = "oauth2";
    static final String GATEWAY_PROBLEM = "GatewayProblem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /**
     * What the gateway puts on every answer: the request id, the client's rate limit (ProxyHandler) and, to a call
     * from an allowed browser origin, the CORS headers (quarkus.http.cors.*).
     */
    static final List<String> ANSWER_HEADERS = List.of("X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining",
            "X-RateLimit-Reset", "Access-Control-Allow-Origin", "Access-Control-Expose-Headers");

    /** The gateway's description of the whole API, at the top of the merged document. */
    static final String DESCRIPTION = """
            The speeches of CPPCC (政协) work-exchange compilations, their full-text search and the statistics \
            extracted from them, behind one gateway. Every call needs a bearer token of the Keycloak realm \
            `speech-archive` (OAuth2: client credentials for machines, authorization code with PKCE for people); \
            each operation names the role it needs (reader, analyst, editor, admin). Errors are RFC 9457 \
            `application/problem+json`. Every response carries `X-Request-Id` and the client's rate limit in \
            `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`; past the limit the answer is 429 \
            with `Retry-After`. Browser portals on the allowed origins get `Access-Control-Allow-Origin` and \
            `Access-Control-Expose-Headers`. Lists take `page` (0-based) and `size` (default 20, max 100) and answer `total`; \
            the change feed `/api/v1/changes` pages with an opaque increasing cursor.""";

    /** Where Keycloak's endpoints are, for the security scheme. */
    public record Keycloak(String authorizationUrl, String tokenUrl) {

        /** The endpoints of a realm, e.g. {@code http://127.0.0.1:8180/realms/speech-archive}. */
        public static Keycloak ofRealm(String realmUrl) {
            String realm = realmUrl.replaceAll("/+$", "");
            return new Keycloak(realm + "/protocol/openid-connect/auth", realm + "/protocol/openid-connect/token");
        }
    }

    private OpenApiMerger() {
    }

    /**
     * @param documents each service's document by service name, in a stable order
     * @param servedBy  true when the gateway forwards that path to that service
     */
    public static ObjectNode merge(Map<String, JsonNode> documents, ServedBy servedBy, Keycloak keycloak) {
        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", documents.values().stream().map(d -> d.path("openapi").asText(""))
                .filter(v -> v.startsWith("3.")).findFirst().orElse("3.0.3"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "Speech archive API (政协发言材料库)");
        info.put("version", documents.values().stream().map(d -> d.path("info").path("version").asText(""))
                .filter(v -> !v.isEmpty()).findFirst().orElse("1.0.0"));
        info.put("description", DESCRIPTION);
        merged.putArray("servers");
        ArrayNode security = merged.putArray("security");
        security.addObject().putArray(SCHEME);
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");

        Map<String, Map<String, String>> renames = renames(documents);
        Set<String> tagNames = new HashSet<>();
        Set<String> operationIds = new HashSet<>();
        documents.forEach((service, original) -> {
            JsonNode doc = rewriteRefs(original.deepCopy(), renames.getOrDefault(service, Map.of()));
            doc.path("components").fields().forEachRemaining(type -> {
                if (type.getKey().equals("securitySchemes")) {
                    return; // the gateway has its own scheme
                }
                ObjectNode target = components.has(type.getKey()) ? (ObjectNode) components.get(type.getKey())
                        : components.putObject(type.getKey());
                type.getValue().fields().forEachRemaining(c -> {
                    String name = renames.getOrDefault(service, Map.of()).getOrDefault(type.getKey() + "/" + c.getKey(),
                            c.getKey());
                    if (!target.has(name)) {
                        target.set(name, c.getValue());
                    }
                });
            });
            for (JsonNode tag : doc.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
            doc.path("paths").fields().forEachRemaining(path -> {
                if (!path.getKey().startsWith("/api/") || !servedBy.test(path.getKey(), service)) {
                    return;
                }
                ObjectNode item = (ObjectNode) path.getValue();
                for (String method : METHODS) {
                    if (item.get(method) instanceof ObjectNode operation) {
                        gatewayOperation(operation, service, operationIds, tags, tagNames);
                    }
                }
                paths.set(path.getKey(), item);
            });
        });
        sortPaths(merged);
        gatewayComponents(components, keycloak);
        return merged;
    }

    /** Which service serves a path through the gateway. */
    @FunctionalInterface
    public interface ServedBy {
        boolean test(String path, String service);
    }

    /** Component names (as "type/name") that clash across services, with their per-service new names. */
    private static Map<String, Map<String, String>> renames(Map<String, JsonNode> documents) {
        Map<String, Map<String, JsonNode>> definitions = new LinkedHashMap<>();
        documents.forEach((service, doc) -> doc.path("components").fields().forEachRemaining(type -> {
            if (!type.getKey().equals("securitySchemes")) {
                type.getValue().fields().forEachRemaining(c -> definitions
                        .computeIfAbsent(type.getKey() + "/" + c.getKey(), k -> new LinkedHashMap<>())
                        .put(service, c.getValue()));
            }
        }));
        Map<String, Map<String, String>> renames = new LinkedHashMap<>();
        definitions.forEach((key, byService) -> {
            if (byService.values().stream().distinct().count() > 1) {
                // Services whose definitions are identical share one name: that of the first of them.
                String name = key.substring(key.indexOf('/') + 1);
                Map<JsonNode, String> nameOf = new LinkedHashMap<>();
                byService.forEach((service, definition) -> renames.computeIfAbsent(service, s -> new LinkedHashMap<>())
                        .put(key, nameOf.computeIfAbsent(definition, d -> prefix(service) + name)));
            }
        });
        return renames;
    }

    /** "search-service" or "search" → "Search". */
    static String prefix(String service) {
        String base = service.endsWith("-service") ? service.substring(0, service.length() - 8) : service;
        StringBuilder out = new StringBuilder();
        for (String part : base.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static JsonNode rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> keys = new ArrayList<>();
            fields.forEachRemaining(e -> keys.add(e.getKey()));
            for (String key : keys) {
                JsonNode value = object.get(key);
                if (key.equals("$ref") && value.isTextual() && value.asText().startsWith("#/components/")) {
                    String ref = value.asText().substring("#/components/".length());
                    String renamed = renames.get(ref);
                    if (renamed != null) {
                        object.put(key, "#/components/" + ref.substring(0, ref.indexOf('/') + 1) + renamed);
                    }
                } else {
                    rewriteRefs(value, renames);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(n -> rewriteRefs(n, renames));
        }
        return node;
    }

    private static void gatewayOperation(ObjectNode operation, String service, Set<String> operationIds,
            ArrayNode tags, Set<String> tagNames) {
        String id = operation.path("operationId").asText("");
        if (id.isEmpty() || !operationIds.add(id)) {
            String base = id.isEmpty() ? "operation" : id;
            String unique = prefix(service).toLowerCase(Locale.ROOT) + Character.toUpperCase(base.charAt(0))
                    + base.substring(1);
            for (int n = 2; !operationIds.add(unique); n++) {
                unique = unique.replaceAll("\\d+$", "") + n;
            }
            operation.put("operationId", unique);
        }
        for (JsonNode tag : operation.path("tags")) {
            if (tagNames.add(tag.asText())) {
                tags.addObject().put("name", tag.asText());
            }
        }
        ArrayNode security = operation.putArray("security");
        security.addObject().putArray(SCHEME);
        ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                : operation.putObject("responses");
        addProblem(responses, "401", "No valid bearer token (missing, expired, wrong issuer or audience).");
        addProblem(responses, "403", "The token does not carry the role this operation needs.");
        addProblem(responses, "429", "The client's rate limit is spent; retry after Retry-After seconds.")
                .with("headers").set("Retry-After", ref("headers", "Retry-After"));
        addProblem(responses, "502", "The service behind the gateway sent a malformed answer, or failed after it"
                + " began to answer.");
        addProblem(responses, "503", "The service behind the gateway is unavailable or restarting; retry after"
                + " Retry-After seconds. If its connection broke after a write was sent, the write may or may not have"
                + " been applied.")
                .with("headers").set("Retry-After", ref("headers", "Retry-After"));
        addProblem(responses, "504", "The service behind the gateway did not answer in time.");
        responses.fields().forEachRemaining(r -> {
            if (r.getValue() instanceof ObjectNode response && !response.has("$ref")) {
                ObjectNode headers = response.with("headers");
                for (String h : ANSWER_HEADERS) {
                    if (!headers.has(h)) {
                        headers.set(h, ref("headers", h));
                    }
                }
            }
        });
    }

    private static ObjectNode addProblem(ObjectNode responses, String status, String description) {
        if (responses.get(status) instanceof ObjectNode existing) {
            return existing;
        }
        ObjectNode response = responses.putObject(status);
        response.put("description", description);
        response.putObject("content").putObject(PROBLEM_JSON).set("schema", ref("schemas", GATEWAY_PROBLEM));
        return response;
    }

    private static ObjectNode ref(String type, String name) {
        return JSON.objectNode().put("$ref", "#/components/" + type + "/" + name);
    }

    private static void sortPaths(ObjectNode merged) {
        ObjectNode paths = (ObjectNode) merged.get("paths");
        List<String> names = new ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        ObjectNode sorted = JSON.objectNode();
        names.forEach(n -> sorted.set(n, paths.get(n)));
        merged.set("paths", sorted);
    }

    private static void gatewayComponents(ObjectNode components, Keycloak keycloak) {
        ObjectNode schemas = components.with("schemas");
        ObjectNode problem = schemas.putObject(GATEWAY_PROBLEM);
        problem.put("type", "object");
        problem.put("description", "RFC 9457 problem details as the gateway itself answers them.");
        ObjectNode props = problem.putObject("properties");
        props.putObject("type").put("type", "string").put("maxLength", 200).put("example", "about:blank");
        props.putObject("title").put("type", "string").put("maxLength", 100).put("example", "Too Many Requests");
        props.putObject("status").put("type", "integer").put("format", "int32").put("minimum", 100)
                .put("maximum", 599).put("example", 429);
        props.putObject("detail").put("type", "string").put("maxLength", 2000)
                .put("example", "Client portal exceeded 1200 requests per minute; retry after 1 s.");
        props.putObject("instance").put("type", "string").put("maxLength", 2000).put("example", "/api/v1/speeches");
        props.putObject("requestId").put("type", "string").put("maxLength", 100)
                .put("example", "3f1c2a9e-6f1d-4f55-9d1e-2b7c1f0a8e11");
        problem.putArray("required").add("title").add("status");

        ObjectNode headers = components.with("headers");
        header(headers, "X-Request-Id", "string", "Correlates the caller's, the gateway's and the services' logs; "
                + "the caller's own value is echoed when it is short and plain.");
        header(headers, "X-RateLimit-Limit", "integer", "Requests per minute this client may make (by its role).");
        header(headers, "X-RateLimit-Remaining", "integer", "Requests left in the client's bucket.");
        header(headers, "X-RateLimit-Reset", "integer", "Seconds until the bucket is full again.");
        header(headers, "Retry-After", "integer", "Seconds to wait before retrying.");
        header(headers, "Access-Control-Allow-Origin", "string", "To a call from a browser origin the gateway allows "
                + "(GATEWAY_CORS_ORIGINS): that origin. Absent for other origins and calls without Origin.");
        header(headers, "Access-Control-Expose-Headers", "string", "To a call from an allowed browser origin: the "
                + "headers a script may read (X-Request-Id, X-RateLimit-*, Retry-After, ETag, Location).");
        limits(headers);

        ObjectNode scheme = components.with("securitySchemes").putObject(SCHEME);
        scheme.put("type", "oauth2");
        scheme.put("description", "Keycloak realm speech-archive. Machine clients: client credentials; people "
                + "(Swagger UI, client swagger-ui): authorization code with PKCE (S256). Roles: reader, analyst, "
                + "editor, admin.");
        ObjectNode flows = scheme.putObject("flows");
        ObjectNode code = flows.putObject("authorizationCode");
        code.put("authorizationUrl", keycloak.authorizationUrl());
        code.put("tokenUrl", keycloak.tokenUrl());
        code.putObject("scopes");
        ObjectNode client = flows.putObject("clientCredentials");
        client.put("tokenUrl", keycloak.tokenUrl());
        client.putObject("scopes");
    }

    /** The limits of the gateway's own headers, as the contract states them for every value. */
    private static void limits(ObjectNode headers) {
        ((ObjectNode) headers.path("X-Request-Id").path("schema")).put("maxLength", 100);
        for (String h : List.of("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After")) {
            ((ObjectNode) headers.path(h).path("schema")).put("format", "int64").put("minimum", 0)
                    .put("maximum", Long.MAX_VALUE);
        }
        ((ObjectNode) headers.path("Access-Control-Allow-Origin").path("schema")).put("maxLength", 2000);
        ((ObjectNode) headers.path("Access-Control-Expose-Headers").path("schema")).put("maxLength", 2000);
    }

    private static void header(ObjectNode headers, String name, String type, String description) {
        ObjectNode header = headers.putObject(name);
        header.put("description", description);
        header.putObject("schema").put("type", type);
    }

    /** A copy of {@code merged} whose only server is {@code serverUrl}. */
    public static ObjectNode withServer(ObjectNode merged, String serverUrl) {
        ObjectNode copy = merged.deepCopy();
        ArrayNode servers = copy.putArray("servers");
        servers.addObject().put("url", serverUrl).put("description", "the gateway");
        return copy;
    }
}
