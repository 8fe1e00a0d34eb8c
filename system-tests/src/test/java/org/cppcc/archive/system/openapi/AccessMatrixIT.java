package org.cppcc.archive.system.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cppcc.archive.system.Keycloak;
import org.cppcc.archive.system.SystemUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.specification.RequestSpecification;

/**
 * Walks every operation of the merged OpenAPI document and calls it as each kind of caller: nobody (401), and the
 * reader, analyst, editor and admin clients, which get 403 exactly when the role table of the README says they lack
 * the operation's role, and otherwise an answer from the service (anything but 401/403). Writes are made harmless:
 * empty bodies that fail validation, a dry-run import, nonexistent ids for PUT and DELETE (split and merge of
 * speech 1 with an empty body fail validation too).
 */
class AccessMatrixIT {

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    /** Realm roles as Keycloak puts them in the tokens (composites expanded). */
    private static final Map<String, Set<String>> ROLES = Map.of(
            "reader", Set.of("reader"),
            "analyst", Set.of("analyst", "reader"),
            "editor", Set.of("editor", "reader"),
            "admin", Set.of("admin", "editor", "analyst", "reader"));

    private static SystemUnderTest system;
    private static JsonNode spec;
    private static final Map<String, String> tokens = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        system = SystemUnderTest.get();
        spec = MergedOpenApiIT.fetch(system.gatewayUrl());
        Keycloak.ensureClient("e2e-editor", "e2e-editor-secret", "editor", true, null);
        tokens.put("reader", Keycloak.portalToken());
        tokens.put("analyst", Keycloak.dashboardToken());
        tokens.put("editor", Keycloak.clientToken("e2e-editor", "e2e-editor-secret"));
        tokens.put("admin", Keycloak.opsToken());
    }

    /**
     * The README's table: GET/HEAD need reader (analyst under stats); writes need editor on speeches, except
     * splitting and merging them (admin), else admin.
     */
    static String requiredRole(String method, String path) {
        boolean read = method.equals("get") || method.equals("head");
        if (path.startsWith("/api/v1/stats")) {
            return read ? "analyst" : "admin";
        }
        if (read) {
            return "reader";
        }
        if (path.matches("/api/v1/speeches/\\{[^}]+}/(split|merge)")) {
            return "admin";
        }
        return path.startsWith("/api/v1/speeches") ? "editor" : "admin";
    }

    @Test
    void everyCallerGetsExactlyTheAccessOfItsRoles() {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, JsonNode> path : (Iterable<Map.Entry<String, JsonNode>>) spec.path("paths")::fields) {
            for (String method : MergedOpenApiIT.METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                String required = requiredRole(method, path.getKey());
                String url = system.gatewayUrl() + fill(method, path.getKey());
                String where = method.toUpperCase() + " " + path.getKey() + " (needs " + required + ")";

                int anonymous = request(op, null).request(method, url).statusCode();
                calls++;
                if (anonymous != 401) {
                    failures.add(where + " without a token: " + anonymous + " instead of 401");
                }
                for (Map.Entry<String, String> caller : tokens.entrySet()) {
                    int status = request(op, caller.getValue()).request(method, url).statusCode();
                    calls++;
                    boolean allowed = ROLES.get(caller.getKey()).contains(required);
                    if (allowed && (status == 401 || status == 403)) {
                        failures.add(where + " as " + caller.getKey() + ": " + status + " although allowed");
                    } else if (!allowed && status != 403) {
                        failures.add(where + " as " + caller.getKey() + ": " + status + " instead of 403");
                    }
                }
            }
        }
        assertTrue(calls > 100, "calls: " + calls);
        assertTrue(failures.isEmpty(), failures.size() + " wrong answers:\n" + String.join("\n", failures));
    }

    /** Path parameters: an id that exists for reads, one that does not for PUT/DELETE; fact ids are strings. */
    private static String fill(String method, String path) {
        Matcher m = PARAM.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = method.equals("put") || method.equals("delete") ? "999999"
                    : path.startsWith("/api/v1/stats/facts") ? "abc" : "1";
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        String filled = out.toString();
        return filled.endsWith("/compilations/import") ? filled + "?dryRun=true" : filled;
    }

    private static RequestSpecification request(JsonNode op, String token) {
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request.auth().oauth2(token);
        }
        JsonNode content = op.path("requestBody").path("content");
        if (content.has("application/json")) {
            request.contentType("application/json").body("{}");
        } else if (content.has("text/plain")) {
            request.contentType("text/plain; charset=utf-8").body("夯实履职基础提升履职质效\n".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return request;
    }
}
