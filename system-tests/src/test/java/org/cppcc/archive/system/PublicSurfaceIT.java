package org.cppcc.archive.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.response.Response;

/**
 * Nothing operational on the public ports: metrics and the health checks' details are on each process's management
 * interface only, the public health says up or down; and every answer carries the security headers.
 */
class PublicSurfaceIT {

    private static SystemUnderTest system;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.get();
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "document-service", "search-service", "stats-service" })
    void metricsAndHealthDetailsAreOnTheManagementInterfaceOnly(String module) {
        given().get(system.url(module) + "/q/metrics").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().get(system.managementUrl(module) + "/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        for (String health : List.of("/q/health", "/q/health/live", "/q/health/ready")) {
            given().get(system.url(module) + health).then().statusCode(200)
                    .body(equalTo("{\"status\":\"UP\"}"));
        }
        given().get(system.managementUrl(module) + "/q/health").then().statusCode(200)
                .body("status", equalTo("UP")).body("checks", notNullValue()); // the details: each check by name
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "document-service", "search-service", "stats-service" })
    void everyAnswerCarriesTheSecurityHeaders(String module) {
        String api = switch (module) {
            case "search-service" -> "/api/v1/search/status";
            case "stats-service" -> "/api/v1/stats/status";
            default -> "/api/v1/speeches";
        };
        Response authenticated = given().auth().oauth2(Keycloak.opsToken()).get(system.url(module) + api);
        assertEquals(200, authenticated.statusCode());
        assertSecurityHeaders(authenticated);
        assertEquals(List.of("no-store"), authenticated.headers().getValues("Cache-Control"));

        for (Response refused : List.of(given().get(system.url(module) + api),
                given().get(system.url(module) + "/nothing/here"), given().get(system.url(module) + "/q/health"))) {
            assertSecurityHeaders(refused);
        }
    }

    private static void assertSecurityHeaders(Response response) {
        assertEquals(List.of("nosniff"), response.headers().getValues("X-Content-Type-Options"), response.headers()
                .toString());
        assertEquals(List.of("no-referrer"), response.headers().getValues("Referrer-Policy"));
        assertFalse(response.header("X-Request-Id").isBlank());
    }

    @Test
    void swaggerUiHasAContentSecurityPolicyAndCacheableAssets() {
        Response page = given().get(system.gatewayUrl() + "/q/swagger-ui/");
        assertEquals(200, page.statusCode());
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy != null && policy.contains("script-src 'self';"), "policy " + policy);
        assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'"), policy);
        assertFalse(page.body().asString().contains("<script>"), "an inline script the policy would block");
        assertSecurityHeaders(page);

        Response asset = given().get(system.gatewayUrl() + "/q/swagger-ui/swagger-ui-bundle.js");
        assertEquals(200, asset.statusCode());
        assertEquals(policy, asset.header("Content-Security-Policy"));
        assertTrue(asset.header("Cache-Control").contains("max-age"), asset.header("Cache-Control"));
        assertSecurityHeaders(asset);
    }
}
