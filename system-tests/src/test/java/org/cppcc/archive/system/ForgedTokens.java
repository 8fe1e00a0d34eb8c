package org.cppcc.archive.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Tokens an attacker could make from a real token's claims: each must be refused. */
final class ForgedTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    /** The real token's header and claims with no signature at all ({@code alg: none}). */
    static String unsigned(String realToken) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + realToken.split("\\.")[1] + ".";
    }

    /** The real claims signed with HMAC, keyed by something the attacker knows (a client secret). */
    static String hmacSigned(String realToken, String secret) throws GeneralSecurityException {
        String signingInput = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + realToken.split("\\.")[1];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return signingInput + "." + URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The real header (same key id) and claims, RS256-signed with a key Keycloak never issued. */
    static String signedByAnotherKey(String realToken) throws GeneralSecurityException {
        String[] parts = realToken.split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey key = generator.generateKeyPair().getPrivate();
        String signingInput = parts[0] + "." + parts[1];
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + URL.encodeToString(rsa.sign());
    }

    /** The real signature over claims the attacker edited (roles raised to admin). */
    static String tamperedClaims(String realToken) {
        String[] parts = realToken.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"reader\"", "\"admin\"");
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
