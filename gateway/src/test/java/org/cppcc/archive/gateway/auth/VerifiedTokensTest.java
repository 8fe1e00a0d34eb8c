package org.cppcc.archive.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class VerifiedTokensTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJleHAiOjEwMH0.c2lnbmF0dXJl";

    private final AtomicLong nowMillis = new AtomicLong(40_000);
    private final SigningKeys keys = new SigningKeys();
    private final VerifiedTokens<String> cache = new VerifiedTokens<>(keys, 3, nowMillis::get);

    VerifiedTokensTest() {
        keys.update(jwks("k1", "n1"));
    }

    private static JsonObject jwks(String... kidAndModulus) {
        io.vertx.core.json.JsonArray keys = new io.vertx.core.json.JsonArray();
        for (int i = 0; i < kidAndModulus.length; i += 2) {
            keys.add(new JsonObject().put("kid", kidAndModulus[i]).put("kty", "RSA").put("n", kidAndModulus[i + 1])
                    .put("e", "AQAB"));
        }
        return new JsonObject().put("keys", keys);
    }

    @Test
    void servesAVerifiedTokenUntilJustBeforeItsExpiryAndNeverAfter() {
        assertTrue(cache.put(TOKEN, 100, "k1", keys.generation(), "portal"));
        assertEquals("portal", cache.get(TOKEN));
        nowMillis.set(99_999);
        assertEquals("portal", cache.get(TOKEN));
        nowMillis.set(100_000); // exp is a second: at exp the token is no longer valid
        assertNull(cache.get(TOKEN));
        nowMillis.set(40_000);
        assertNull(cache.get(TOKEN), "an expired entry is dropped, not kept for a clock that goes back");
    }

    @Test
    void refusesToStoreWhatCannotBeServedSafely() {
        assertFalse(cache.put(TOKEN, 0, "k1", keys.generation(), "no exp"));
        assertFalse(cache.put(TOKEN, 100, null, keys.generation(), "no kid"));
        assertFalse(cache.put(TOKEN, 100, "k9", keys.generation(), "a key the realm does not publish"));
        assertFalse(cache.put(TOKEN, 40, "k1", keys.generation(), "already expired"));
        long before = keys.generation();
        keys.update(jwks("k1", "n1"));
        assertFalse(cache.put(TOKEN, 100, "k1", before, "verified against the key set before the last refresh"));
        assertNull(cache.get(TOKEN));
        assertEquals(0, cache.size());
    }

    @Test
    void aKeyRotatedOutTakesItsTokensOutOfTheCache() {
        cache.put(TOKEN, 100, "k1", keys.generation(), "portal");
        keys.update(jwks("k1", "n1", "k2", "n2")); // a new key is added: k1's tokens stay good
        assertEquals("portal", cache.get(TOKEN));
        keys.update(jwks("k2", "n2")); // k1 is gone
        assertNull(cache.get(TOKEN));
        keys.update(jwks("k1", "n1", "k2", "n2")); // and coming back does not revive what was dropped
        assertNull(cache.get(TOKEN));
    }

    @Test
    void aKeyIdNowNamingOtherKeyMaterialDoesNotServeTokensOfTheOldKey() {
        cache.put(TOKEN, 100, "k1", keys.generation(), "portal");
        keys.update(jwks("k1", "another modulus"));
        assertNull(cache.get(TOKEN));
    }

    @Test
    void anotherTokenIsNeverServedAnEntryEvenUnderTheSameKey() {
        cache.put(TOKEN, 100, "k1", keys.generation(), "portal");
        assertNull(cache.get(TOKEN.substring(0, TOKEN.length() - 1) + "x"));
        assertNull(cache.get(TOKEN + "."));
    }

    @Test
    void holdsAtMostMaxEntriesMakingRoomFromExpiredOnes() {
        assertTrue(cache.put("a.b.c", 50, "k1", keys.generation(), "a"));
        assertTrue(cache.put("a.b.d", 100, "k1", keys.generation(), "b"));
        assertTrue(cache.put("a.b.e", 100, "k1", keys.generation(), "c"));
        assertFalse(cache.put("a.b.f", 100, "k1", keys.generation(), "d"), "full, and nothing has expired");
        assertEquals(3, cache.size());
        nowMillis.set(60_000); // "a" has expired
        assertTrue(cache.put("a.b.f", 100, "k1", keys.generation(), "d"));
        assertEquals(3, cache.size());
        assertNull(cache.get("a.b.c"));
        assertEquals("d", cache.get("a.b.f"));
    }

    @Test
    void theKeySetIsReadFromAJwksDocument() {
        assertEquals(Map.of(), SigningKeys.parse(new JsonObject()));
        Map<String, Long> parsed = SigningKeys.parse(jwks("k1", "n1", "k2", "n2"));
        assertEquals(2, parsed.size());
        assertEquals(parsed.get("k1"), SigningKeys.parse(jwks("k1", "n1")).get("k1"));
        assertFalse(parsed.get("k1").equals(parsed.get("k2")));
    }

    @Test
    void theKeyIdIsReadFromTheTokensHeader() {
        assertEquals("k1", TokenCache.keyId(TOKEN));
        assertNull(TokenCache.keyId("not a token"));
        assertNull(TokenCache.keyId("!!!.e30.x"));
    }
}
