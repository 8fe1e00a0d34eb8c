package org.cppcc.archive.gateway.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A realm of its own in the test Keycloak (deploy/test's, {@code TEST_KEYCLOAK_URL}), imported from the project's
 * realm file under another name, so that a test may rotate its keys without touching what other tests use; and an
 * upstream that answers every {@code /api/} call with 200, so that what the gateway lets through is told apart from
 * what it refuses. The gateway under test trusts this realm only.
 */
public class ThrowAwayRealm implements QuarkusTestResourceLifecycleManager {

    static final String KEYCLOAK = System.getenv().getOrDefault("TEST_KEYCLOAK_URL", "http://127.0.0.1:8190");
    static final String NAME = "gateway-token-cache-" + UUID.randomUUID().toString().substring(0, 8);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpServer upstream;

    @Override
    public Map<String, String> start() {
        JsonObject realm;
        try {
            realm = new JsonObject(Files.readString(Path.of("../deploy/keycloak/speech-archive-realm.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        realm.put("realm", NAME).put("displayName", NAME);
        admin("POST", "/admin/realms", realm, 201);
        try {
            upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        upstream.createContext("/", exchange -> {
            boolean api = exchange.getRequestURI().getPath().startsWith("/api/");
            byte[] body = (api ? "{\"upstream\":\"reached\"}" : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(api ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        String upstreamUrl = "http://127.0.0.1:" + upstream.getAddress().getPort();
        return Map.of("quarkus.oidc.auth-server-url", KEYCLOAK + "/realms/" + NAME,
                "gateway.upstreams.document.url", upstreamUrl,
                "gateway.upstreams.search.url", upstreamUrl,
                "gateway.upstreams.stats.url", upstreamUrl);
    }

    @Override
    public void stop() {
        if (upstream != null) {
            upstream.stop(0);
        }
        admin("DELETE", "/admin/realms/" + NAME, null, 204);
    }

    /** A client-credentials token of a client of this realm. */
    static String token(String clientId, String secret) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/" + NAME
                        + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        return new JsonObject(send(request, 200)).getString("access_token");
    }

    /** A reader client whose access tokens live {@code seconds}. */
    static void createShortLivedReader(String clientId, String secret, int seconds) {
        admin("POST", "/admin/realms/" + NAME + "/clients", new JsonObject().put("clientId", clientId)
                .put("secret", secret).put("publicClient", false).put("serviceAccountsEnabled", true)
                .put("standardFlowEnabled", false).put("directAccessGrantsEnabled", false)
                .put("defaultClientScopes", new JsonArray(List.of("speech-archive-api", "roles", "basic")))
                .put("attributes", new JsonObject().put("access.token.lifespan", Integer.toString(seconds))), 201);
        String base = "/admin/realms/" + NAME;
        String id = new JsonArray(admin("GET", base + "/clients?clientId=" + clientId, null, 200)).getJsonObject(0)
                .getString("id");
        String user = new JsonObject(admin("GET", base + "/clients/" + id + "/service-account-user", null, 200))
                .getString("id");
        JsonObject role = new JsonObject(admin("GET", base + "/roles/reader", null, 200));
        admin("POST", base + "/users/" + user + "/role-mappings/realm", new JsonArray().add(role), 204);
    }

    /**
     * Rotates the realm's signing key: a new RSA key takes over, and every RSA signing key there was before is
     * deleted, so tokens they signed must no longer be accepted.
     */
    static void rotateSigningKey() {
        String base = "/admin/realms/" + NAME;
        String realmId = new JsonObject(admin("GET", base, null, 200)).getString("id");
        JsonArray before = new JsonArray(admin("GET", base + "/components?type=org.keycloak.keys.KeyProvider", null,
                200));
        admin("POST", base + "/components", new JsonObject().put("name", "rotated-" + UUID.randomUUID())
                .put("providerId", "rsa-generated").put("providerType", "org.keycloak.keys.KeyProvider")
                .put("parentId", realmId).put("config", new JsonObject()
                        .put("priority", new JsonArray().add("1000")).put("enabled", new JsonArray().add("true"))
                        .put("active", new JsonArray().add("true")).put("algorithm", new JsonArray().add("RS256"))
                        .put("keySize", new JsonArray().add("2048"))), 201);
        for (int i = 0; i < before.size(); i++) {
            JsonObject provider = before.getJsonObject(i);
            if ("rsa-generated".equals(provider.getString("providerId"))) {
                admin("DELETE", base + "/components/" + provider.getString("id"), null, 204);
            }
        }
    }

    private static String admin(String method, String path, Object body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(KEYCLOAK + path))
                .header("Authorization", "Bearer " + adminToken());
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request.build(), expected);
    }

    private static String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username="
                + System.getenv().getOrDefault("KEYCLOAK_ADMIN", "admin") + "&password="
                + System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "keycloak-dev");
        return new JsonObject(send(HttpRequest.newBuilder(URI.create(KEYCLOAK
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), 200)).getString("access_token");
    }

    private static String send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + " (expected " + expected + "): " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("is the test Keycloak up (TEST_KEYCLOAK_URL; deploy/test starts one)? "
                    + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
