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
    @SuppressWarnings("unchecked")
    public static void allowSwaggerUiOrigin(String origin) {
        String admin = adminToken();
        Map<String, Object> client = given().auth().oauth2(admin).queryParam("clientId", "swagger-ui")
                .get(ADMIN + "/clients").then().statusCode(200).extract().path("[0]");
        List<String> redirects = new java.util.ArrayList<>((List<String>) client.get("redirectUris"));
        List<String> origins = new java.util.ArrayList<>((List<String>) client.get("webOrigins"));
        if (redirects.contains(origin + "/*") && (origins.contains("+") || origins.contains(origin))) {
            return;
        }
        redirects.add(origin + "/*");
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
