package org.cppcc.archive.gateway.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens whose signature and claims quarkus-oidc has verified, so that the next request with the same token
 * is not verified again. Keyed by the SHA-256 of the token (the token itself is compared too, so a collision cannot
 * serve another token's identity). An entry is served only
 * <ul>
 * <li>before the token's {@code exp} (never beyond it, not even by a second), and</li>
 * <li>while the key that signed it is still in the realm's key set as quarkus-oidc knows it ({@link SigningKeys}):
 * a key rotated out takes its tokens out of the cache the moment quarkus-oidc learns of it.</li>
 * </ul>
 * Audience, issuer, algorithm and signature are properties of the token's bytes, checked by quarkus-oidc before
 * anything is stored. Bounded: once {@code maxEntries} are held, expired entries are dropped, and when none has
 * expired a new token is simply not cached (it is verified in full, as without a cache). Pure and thread-safe.
 *
 * @param <T> what is cached for a token (the identity it was verified to)
 */
public final class VerifiedTokens<T> {

    private record Key(long a, long b, long c, long d) {
    }

    private record Entry<T>(String token, long expiresAtMillis, String keyId, long keyFingerprint, T value) {
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final Map<Key, Entry<T>> entries = new ConcurrentHashMap<>();
    private final SigningKeys keys;
    private final int maxEntries;
    private final LongSupplier clockMillis;

    public VerifiedTokens(SigningKeys keys, int maxEntries, LongSupplier clockMillis) {
        this.keys = keys;
        this.maxEntries = maxEntries;
        this.clockMillis = clockMillis;
    }

    /** What was stored for this token, or null when it is not cached, has expired or its signing key is gone. */
    public T get(String token) {
        Key key = key(token);
        Entry<T> e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (clockMillis.getAsLong() >= e.expiresAtMillis()) {
            entries.remove(key, e);
            return null;
        }
        Long fingerprint = keys.fingerprint(e.keyId());
        if (fingerprint == null || fingerprint != e.keyFingerprint()) {
            entries.remove(key, e);
            return null;
        }
        return e.token().equals(token) ? e.value() : null;
    }

    /**
     * Caches a token that has just been verified, until {@code expiresAtSeconds} (its {@code exp}). Nothing is stored
     * for a token without an expiry or a key id, for one signed by a key not in the key set, or when the key set
     * changed since the verification began ({@code keysGeneration}, read before it).
     *
     * @return whether it was stored
     */
    public boolean put(String token, long expiresAtSeconds, String keyId, long keysGeneration, T value) {
        Long fingerprint = keys.fingerprint(keyId);
        long expiresAtMillis = expiresAtSeconds * 1000;
        if (expiresAtSeconds <= 0 || fingerprint == null || keysGeneration != keys.generation()
                || clockMillis.getAsLong() >= expiresAtMillis) {
            return false;
        }
        if (entries.size() >= maxEntries) {
            purgeExpired();
            if (entries.size() >= maxEntries) {
                return false;
            }
        }
        entries.put(key(token), new Entry<>(token, expiresAtMillis, keyId, fingerprint, value));
        return true;
    }

    /** Drops expired entries and those of keys no longer published; returns how many. */
    public int purgeExpired() {
        long now = clockMillis.getAsLong();
        int before = entries.size();
        entries.values().removeIf(e -> now >= e.expiresAtMillis() || !Long.valueOf(e.keyFingerprint())
                .equals(keys.fingerprint(e.keyId())));
        return Math.max(0, before - entries.size());
    }

    public int size() {
        return entries.size();
    }

    private static Key key(String token) {
        MessageDigest sha = SHA256.get();
        byte[] d = sha.digest(token.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer b = ByteBuffer.wrap(d);
        return new Key(b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }
}
