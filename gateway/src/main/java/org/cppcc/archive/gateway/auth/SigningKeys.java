package org.cppcc.archive.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The realm's signing keys as quarkus-oidc last fetched them: key id → a fingerprint of the key. {@link JwksObserver}
 * updates it from every JWKS answer quarkus-oidc reads (at start and on each refresh), before quarkus-oidc installs
 * that key set. A verified token stays servable from the cache only while its key id is still here with the same
 * fingerprint, so a key that quarkus-oidc drops (revocation by key rotation) takes every token it signed out of the
 * cache at the same moment. Thread-safe: one immutable map, replaced whole.
 */
public final class SigningKeys {

    private volatile Map<String, Long> fingerprints = Map.of();
    private volatile long generation;

    /** Replaces the key set with the keys of a JWKS document ({@code {"keys": [...]}}). */
    public void update(JsonObject jwks) {
        update(parse(jwks));
    }

    public synchronized void update(Map<String, Long> byKeyId) {
        fingerprints = Map.copyOf(byKeyId);
        generation++;
    }

    /** The fingerprint of the key with this id, or null when the realm no longer publishes it. */
    public Long fingerprint(String keyId) {
        return keyId == null ? null : fingerprints.get(keyId);
    }

    /** Changes with every update, so a verification that straddles one is not cached. */
    public long generation() {
        return generation;
    }

    static Map<String, Long> parse(JsonObject jwks) {
        JsonArray keys = jwks.getJsonArray("keys", new JsonArray());
        Map<String, Long> byKeyId = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Object key = keys.getValue(i);
            if (key instanceof JsonObject jwk && jwk.getString("kid") != null) {
                byKeyId.put(jwk.getString("kid"), fingerprint(jwk));
            }
        }
        return byKeyId;
    }

    private static long fingerprint(JsonObject jwk) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(jwk.encode().getBytes(StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
