package org.cppcc.archive.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

/**
 * The token cache against the real Keycloak (a realm of its own, {@link ThrowAwayRealm}): a token is verified once
 * and then served from the cache, and the cache never lets through what verification would refuse: a forgery of a
 * cached token, a cached token past its {@code exp}, a cached token whose signing key has been rotated out.
 */
@QuarkusTest
@QuarkusTestResource(value = ThrowAwayRealm.class, restrictToAnnotatedClass = true)
class TokenCacheTest {

    private static final String PATH = "/api/v1/speeches/1";

    @Inject
    TokenCache cache;

    private static ValidatableResponse call(String token) {
        return given().auth().oauth2(token).get(PATH).then();
    }

    private static void assertRefused(String token) {
        call(token).statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void aTokenIsVerifiedOnceThenServedFromTheCache() {
        String token = ThrowAwayRealm.token("portal", "portal-dev-secret");
        call(token).statusCode(200).body("upstream", equalTo("reached"));
        assertTrue(cache.contains(token), "verified and stored");
        long hits = cache.hits();
        call(token).statusCode(200).body("upstream", equalTo("reached"));
        assertTrue(cache.hits() > hits, "the second request was answered from the cache");
    }

    @Test
    void forgeriesOfACachedTokenAreRefused() throws Exception {
        String token = ThrowAwayRealm.token("portal", "portal-dev-secret");
        call(token).statusCode(200);
        assertTrue(cache.contains(token));
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"reader\"", "\"admin\"");
        assertRefused(parts[0] + "." + encode(claims) + "." + parts[2]); // the real signature over edited claims
        assertRefused(encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "."); // no signature
        assertRefused(parts[0] + "." + parts[1] + "." + signedByAnotherKey(parts[0] + "." + parts[1]));
        assertRefused(token + "x");
        call(token).statusCode(200); // and the genuine one is still good
    }

    @Test
    void aCachedTokenPastItsExpiryIsRefused() throws InterruptedException {
        // Long enough to be used twice even on a loaded machine (creating the client and getting the token took up to
        // 17 s here with 2 cores shared by a dozen JVMs), short enough to watch it expire.
        ThrowAwayRealm.createShortLivedReader("short-lived", "short-lived-secret", 45);
        String token = ThrowAwayRealm.token("short-lived", "short-lived-secret");
        call(token).statusCode(200);
        call(token).statusCode(200);
        assertTrue(cache.contains(token), "served from the cache while it lives");
        long exp = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8)).getLong("exp");
        while (System.currentTimeMillis() < exp * 1000 + 1000) {
            Thread.sleep(250);
        }
        assertRefused(token);
        assertFalse(cache.contains(token));
    }

    @Test
    void aCachedTokenSignedByARotatedOutKeyIsRefusedOnceTheGatewayHasFetchedTheNewKeys() {
        String old = ThrowAwayRealm.token("portal", "portal-dev-secret");
        call(old).statusCode(200);
        assertTrue(cache.contains(old));
        ThrowAwayRealm.rotateSigningKey();
        String current = ThrowAwayRealm.token("portal", "portal-dev-secret");
        assertFalse(TokenCache.keyId(old).equals(TokenCache.keyId(current)), "signed by the new key");
        call(current).statusCode(200); // a key it does not know: quarkus-oidc fetches the realm's keys again
        assertFalse(cache.contains(old), "the old key is gone, and its tokens with it");
        assertRefused(old);
        call(current).statusCode(200);
        assertTrue(cache.contains(current));
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String signedByAnotherKey(String signingInput) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(generator.generateKeyPair().getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }
}
