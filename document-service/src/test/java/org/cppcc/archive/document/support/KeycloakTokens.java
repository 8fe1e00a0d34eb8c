package org.cppcc.archive.document.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Real access tokens from the test Keycloak ({@code TEST_KEYCLOAK_URL}, default http://127.0.0.1:8190), realm
 * speech-archive, by client credentials: portal (reader), ops (admin ⊇ editor, reader) and test-editor (editor
 * only), a confidential client this class creates once through the Keycloak admin API when it is missing.
 */
public final class KeycloakTokens {

    public static final String BASE = System.getenv().getOrDefault("TEST_KEYCLOAK_URL", "http://127.0.0.1:8190");
    private static final String REALM = BASE + "/realms/speech-archive";
    private static final String EDITOR_CLIENT = "test-editor";
    private static final String EDITOR_SECRET = "test-editor-secret";
    private static final long REUSE_MILLIS = 30_000;

    private record Cached(String token, long at) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private KeycloakTokens() {
    }

    /** portal: realm role reader. */
    public static String reader() {
        return token("portal", "portal-dev-secret");
    }

    /** ops: realm role admin (composite: editor, analyst, reader). */
    public static String admin() {
        return token("ops", "ops-dev-secret");
    }

    /** test-editor: realm role editor only (no admin). */
    public static synchronized String editor() {
        ensureEditorClient();
        return token(EDITOR_CLIENT, EDITOR_SECRET);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String token(String client, String secret) {
        Cached cached = CACHE.get(client);
        if (cached != null && System.currentTimeMillis() - cached.at() < REUSE_MILLIS) {
            return cached.token();
        }
        String token = given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", client).formParam("client_secret", secret)
                .post(REALM + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        CACHE.put(client, new Cached(token, System.currentTimeMillis()));
        return token;
    }

    private static boolean editorChecked;

    private static void ensureEditorClient() {
        if (editorChecked) {
            return;
        }
        String admin = given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", "admin-cli").formParam("username", "admin")
                .formParam("password", "keycloak-dev")
                .post(BASE + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String api = BASE + "/admin/realms/speech-archive";
        List<String> ids = given().auth().oauth2(admin).queryParam("clientId", EDITOR_CLIENT)
                .get(api + "/clients").then().statusCode(200).extract().path("id");
        if (ids.isEmpty()) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("clientId", EDITOR_CLIENT, "enabled", true, "protocol", "openid-connect",
                            "publicClient", false, "secret", EDITOR_SECRET, "serviceAccountsEnabled", true,
                            "standardFlowEnabled", false, "directAccessGrantsEnabled", false))
                    .post(api + "/clients").then().statusCode(201);
            ids = given().auth().oauth2(admin).queryParam("clientId", EDITOR_CLIENT)
                    .get(api + "/clients").then().statusCode(200).extract().path("id");
        }
        String clientUuid = ids.get(0);
        String userId = given().auth().oauth2(admin).get(api + "/clients/" + clientUuid + "/service-account-user")
                .then().statusCode(200).extract().path("id");
        Response role = given().auth().oauth2(admin).get(api + "/roles/editor");
        role.then().statusCode(200);
        Map<String, Object> representation = role.as(Map.class);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(representation))
                .post(api + "/users/" + userId + "/role-mappings/realm").then().statusCode(204);
        editorChecked = true;
    }
}
