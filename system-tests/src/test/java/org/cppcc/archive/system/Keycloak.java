package org.cppcc.archive.system;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Real tokens from the real Keycloak, and the admin API for the clients only tests need. */
public final class Keycloak {

    private static final String REALM = SystemUnderTest.KEYCLOAK_URL + "/realms/speech-archive";
    private static final String ADMIN = SystemUnderTest.KEYCLOAK_URL + "/admin/realms/speech-archive";
    private static final java.nio.file.Path REALM_FILE = java.nio.file.Path.of(System.getProperty("repo.dir", ".."))
            .resolve("deploy/keycloak/speech-archive-realm.json");

    private Keycloak() {
    }

    public static String portalToken() {
        return clientToken("portal", "portal-dev-secret");
    }

    public static String dashboardToken() {
        return clientToken("dashboard", "dashboard-dev-secret");
    }

    public static String opsToken() {
        return clientToken("ops", "ops-dev-secret");
    }

    public static String clientToken(String clientId, String secret) {
        return given().auth().preemptive().basic(clientId, secret)
                .formParam("grant_type", "client_credentials")
                .post(REALM + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A token from the master realm: validly signed by this Keycloak, but by the wrong issuer. */
    public static String masterRealmToken() {
        return adminToken();
    }

    /**
     * Creates (once) a confidential client with the client-credentials grant and one realm role.
     * {@code withAudience=false} leaves out the scope that puts the services' audience in its tokens;
     * {@code lifespanSeconds} shortens its access tokens so a test can watch one expire.
     */
    public static void ensureClient(String clientId, String secret, String role, boolean withAudience,
            Integer lifespanSeconds) {
        String admin = adminToken();
        List<String> scopes = withAudience ? List.of("speech-archive-api", "roles", "basic") : List.of("roles", "basic");
        Map<String, Object> client = new java.util.HashMap<>(Map.of("clientId", clientId, "secret", secret,
                "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "directAccessGrantsEnabled", false, "defaultClientScopes", scopes));
        if (lifespanSeconds != null) {
            client.put("attributes", Map.of("access.token.lifespan", lifespanSeconds.toString()));
        }
        Response created = given().auth().oauth2(admin).contentType(ContentType.JSON).body(client)
                .post(ADMIN + "/clients");
        if (created.statusCode() == 409) {
            return;
        }
        created.then().statusCode(201);
        String id = given().auth().oauth2(admin).queryParam("clientId", clientId).get(ADMIN + "/clients")
                .then().statusCode(200).extract().path("[0].id");
        String userId = given().auth().oauth2(admin).get(ADMIN + "/clients/" + id + "/service-account-user")
                .then().statusCode(200).extract().path("id");
        Map<String, Object> roleRepresentation = given().auth().oauth2(admin).get(ADMIN + "/roles/" + role)
                .then().statusCode(200).extract().as(Map.class);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(roleRepresentation))
                .post(ADMIN + "/users/" + userId + "/role-mappings/realm").then().statusCode(204);
    }

    /**
     * Lets the {@code swagger-ui} client redirect to (and be called from) one more origin, e.g. a gateway on a
     * random port: the realm only allows port 8080. Idempotent.
     */
    public static void allowSwaggerUiOrigin(String origin) {
        allowOrigin("swagger-ui", origin + "/*", origin);
    }

    /** Lets the web console's client {@code console} redirect to one more gateway's {@code /console/}. Idempotent. */
    public static void allowConsoleOrigin(String origin) {
        allowOrigin("console", origin + "/console/*", origin);
    }

    /**
     * Creates a client or a user of the realm file ({@code deploy/keycloak/speech-archive-realm.json}) exactly as the
     * file defines it, when the running realm lacks it: Keycloak imports the realm from a directory of its shared
     * installation, which another checkout's test run may have filled with its own realm file meanwhile.
     */
    @SuppressWarnings("unchecked")
    public static void ensureFromRealmFile(String clientId, String username) {
        Map<String, Object> realm;
        try {
            realm = new com.fasterxml.jackson.databind.ObjectMapper().readValue(REALM_FILE.toFile(), Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String admin = adminToken();
        Map<String, Object> client = ((List<Map<String, Object>>) realm.get("clients")).stream()
                .filter(c -> clientId.equals(c.get("clientId"))).findFirst().orElseThrow();
        int created = given().auth().oauth2(admin).contentType(ContentType.JSON).body(client).post(ADMIN + "/clients")
                .statusCode();
        if (created != 201 && created != 409) {
            throw new IllegalStateException("creating client " + clientId + " answered " + created);
        }
        Map<String, Object> user = new java.util.HashMap<>(((List<Map<String, Object>>) realm.get("users")).stream()
                .filter(u -> username.equals(u.get("username"))).findFirst().orElseThrow());
        List<String> roles = (List<String>) user.remove("realmRoles");
        int userCreated = given().auth().oauth2(admin).contentType(ContentType.JSON).body(user).post(ADMIN + "/users")
                .statusCode();
        if (userCreated == 201) {
            String id = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                    .get(ADMIN + "/users").then().statusCode(200).extract().path("[0].id");
            List<Map<String, Object>> representations = roles.stream().map(role -> (Map<String, Object>) given()
                    .auth().oauth2(admin).get(ADMIN + "/roles/" + role).then().statusCode(200).extract().as(Map.class))
                    .toList();
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(representations)
                    .post(ADMIN + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
        } else if (userCreated != 409) {
            throw new IllegalStateException("creating user " + username + " answered " + userCreated);
        }
    }

    @SuppressWarnings("unchecked")
    private static void allowOrigin(String clientId, String redirect, String origin) {
        String admin = adminToken();
        Map<String, Object> client = given().auth().oauth2(admin).queryParam("clientId", clientId)
                .get(ADMIN + "/clients").then().statusCode(200).extract().path("[0]");
        List<String> redirects = new java.util.ArrayList<>((List<String>) client.get("redirectUris"));
        List<String> origins = new java.util.ArrayList<>((List<String>) client.get("webOrigins"));
        if (redirects.contains(redirect) && (origins.contains("+") || origins.contains(origin))) {
            return;
        }
        redirects.add(redirect);
        if (!origins.contains("+")) {
            origins.add(origin);
        }
        client.put("redirectUris", redirects);
        client.put("webOrigins", origins);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(client)
                .put(ADMIN + "/clients/" + client.get("id")).then().statusCode(204);
    }

    private static String adminToken() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", System.getenv().getOrDefault("KEYCLOAK_ADMIN", "admin"))
                .formParam("password", System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "keycloak-dev"))
                .post(SystemUnderTest.KEYCLOAK_URL + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
