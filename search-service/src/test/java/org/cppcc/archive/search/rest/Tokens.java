package org.cppcc.archive.search.rest;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real tokens from the real Keycloak the tests run against ({@code TEST_KEYCLOAK_URL}). */
final class Tokens {

    static final String KEYCLOAK_URL = System.getenv().getOrDefault("TEST_KEYCLOAK_URL", "http://127.0.0.1:8190");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A reader (the portal client). */
    static String portal() {
        return client("portal", "portal-dev-secret");
    }

    /** An admin (the ops client). */
    static String ops() {
        return client("ops", "ops-dev-secret");
    }

    private static String client(String id, String secret) {
        return CACHE.computeIfAbsent(id, k -> given().auth().preemptive().basic(id, secret)
                .formParam("grant_type", "client_credentials")
                .post(KEYCLOAK_URL + "/realms/speech-archive/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token"));
    }
}
