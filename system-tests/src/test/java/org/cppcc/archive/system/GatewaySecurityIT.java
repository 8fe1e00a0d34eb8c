package org.cppcc.archive.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.response.ValidatableResponse;

/** Who gets in through the gateway, and who gets in when going around it, with real Keycloak tokens. */
class GatewaySecurityIT {

    private static SystemUnderTest system;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.get();
    }

    @Test
    void portalClientCredentialsTokenReadsSpeeches() {
        given().auth().oauth2(Keycloak.portalToken())
                .get(system.gatewayUrl() + "/api/v1/speeches")
                .then().statusCode(200).body("total", greaterThan(0));
    }

    @Test
    void noTokenIsRefusedWithAProblem() {
        assertUnauthorized(given().get(system.gatewayUrl() + "/api/v1/speeches").then());
    }

    @ParameterizedTest
    @ValueSource(strings = { "document-service", "search-service", "stats-service" })
    void servicesRefuseCallsThatGoAroundTheGateway(String module) {
        String path = switch (module) {
            case "document-service" -> "/api/v1/speeches";
            case "search-service" -> "/api/v1/search/status";
            default -> "/api/v1/stats/status";
        };
        assertUnauthorized(given().get(system.url(module) + path).then());
        assertUnauthorized(given().auth().oauth2(ForgedTokens.unsigned(Keycloak.opsToken()))
                .get(system.url(module) + path).then());
    }

    @Test
    void unsignedTokenIsRefused() {
        assertUnauthorized(withToken(ForgedTokens.unsigned(Keycloak.portalToken())));
    }

    @Test
    void hmacSignedTokenIsRefused() throws Exception {
        assertUnauthorized(withToken(ForgedTokens.hmacSigned(Keycloak.portalToken(), "portal-dev-secret")));
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() throws Exception {
        assertUnauthorized(withToken(ForgedTokens.signedByAnotherKey(Keycloak.portalToken())));
    }

    @Test
    void tokenWithEditedClaimsIsRefused() {
        assertUnauthorized(withToken(ForgedTokens.tamperedClaims(Keycloak.portalToken())));
    }

    @Test
    void tokenOfAnotherRealmIsRefused() {
        assertUnauthorized(withToken(Keycloak.masterRealmToken()));
    }

    @Test
    void tokenWithoutTheServicesAudienceIsRefused() {
        Keycloak.ensureClient("e2e-no-audience", "e2e-no-audience-secret", "reader", false, null);
        assertUnauthorized(withToken(Keycloak.clientToken("e2e-no-audience", "e2e-no-audience-secret")));
    }

    @Test
    void expiredTokenIsRefused() {
        // Long enough to be accepted first even on a loaded machine, short enough to watch it expire.
        Keycloak.ensureClient("e2e-short-lived-5s", "e2e-short-lived-secret", "reader", true, 5);
        String token = Keycloak.clientToken("e2e-short-lived-5s", "e2e-short-lived-secret");
        withToken(token).statusCode(200);
        SystemUnderTest.sleep(Duration.ofSeconds(7));
        assertUnauthorized(withToken(token));
    }

    @Test
    void readerCannotWriteSpeechesOrImport() {
        String reader = Keycloak.portalToken();
        assertForbidden(given().auth().oauth2(reader).contentType("application/json").body("{}")
                .post(system.gatewayUrl() + "/api/v1/speeches").then());
        assertForbidden(given().auth().oauth2(reader).contentType("text/plain; charset=utf-8").body("目录")
                .post(system.gatewayUrl() + "/api/v1/compilations/import").then());
        assertForbidden(given().auth().oauth2(reader).get(system.gatewayUrl() + "/api/v1/stats/status").then());
    }

    @Test
    void analystReadsStatsButNotAdminOperations() {
        String analyst = Keycloak.dashboardToken();
        given().auth().oauth2(analyst).get(system.gatewayUrl() + "/api/v1/stats/status").then().statusCode(200);
        assertForbidden(given().auth().oauth2(analyst).post(system.gatewayUrl() + "/api/v1/search/index/rebuild").then());
    }

    @Test
    void requestIdRoundTripsAndIsCreatedWhenAbsent() {
        given().auth().oauth2(Keycloak.portalToken()).header("X-Request-Id", "portal-42.trace")
                .get(system.gatewayUrl() + "/api/v1/speeches")
                .then().statusCode(200).header("X-Request-Id", "portal-42.trace");
        given().get(system.gatewayUrl() + "/api/v1/speeches")
                .then().statusCode(401).header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
        // An id that could forge log lines is replaced, not echoed.
        given().header("X-Request-Id", "x\" injected=1").get(system.gatewayUrl() + "/api/v1/speeches")
                .then().header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    private static ValidatableResponse withToken(String token) {
        return given().auth().oauth2(token).get(system.gatewayUrl() + "/api/v1/speeches").then();
    }

    static void assertUnauthorized(ValidatableResponse response) {
        response.statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
    }

    static void assertForbidden(ValidatableResponse response) {
        response.statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
    }
}
