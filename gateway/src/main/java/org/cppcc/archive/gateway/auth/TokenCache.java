package org.cppcc.archive.gateway.auth;

import java.security.Permission;
import java.security.Principal;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import jakarta.inject.Singleton;

import org.cppcc.archive.gateway.config.GatewayConfig;
import org.cppcc.archive.gateway.ratelimit.RateLimiter;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's cache of verified bearer tokens ({@link VerifiedTokens} over the realm's {@link SigningKeys}): the
 * first request with a token is verified by quarkus-oidc as before (signature, algorithm, issuer, audience, expiry);
 * {@link TokenCacheAugmentor} then stores the identity it was verified to, and {@link CachedTokenIdentityProvider}
 * serves the next requests with the same token from here until its {@code exp}, or until quarkus-oidc drops the key
 * that signed it. What is stored carries nothing of the request it was verified on; every identity served is built
 * afresh with the current request's routing context.
 */
@Singleton
public class TokenCache {

    /** Attribute of identities served from the cache. */
    public static final String SERVED_FROM_CACHE = "gateway.token-cache.served";
    /** Attribute of identities: the caller's rate-limit client, worked out once per token. */
    public static final String RATE_LIMIT_CLIENT = "gateway.rate-limit.client";
    /** Request attribute set on a miss: the key set's generation before quarkus-oidc verifies. */
    static final String KEYS_GENERATION = "gateway.token-cache.keys-generation";

    /** What a verified token stands for, without anything of the request it came with. */
    record Verified(Principal principal, Set<String> roles, Set<Permission> permissions,
            Map<String, Object> attributes) {
    }

    private final SigningKeys keys = new SigningKeys();
    private final VerifiedTokens<Verified> tokens;
    private final boolean enabled;
    private final RateLimiter rateLimiter;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public TokenCache(GatewayConfig config, RateLimiter rateLimiter, Vertx vertx, MeterRegistry registry) {
        this.enabled = config.tokenCache().enabled();
        this.rateLimiter = rateLimiter;
        this.tokens = new VerifiedTokens<>(keys, config.tokenCache().maxEntries(), System::currentTimeMillis);
        vertx.setPeriodic(config.tokenCache().purgeInterval().toMillis(), id -> tokens.purgeExpired());
        registry.gauge("gateway.token.cache.size", tokens, VerifiedTokens::size);
        registry.more().counter("gateway.token.cache.hits", java.util.List.of(), hits, LongAdder::doubleValue);
        registry.more().counter("gateway.token.cache.misses", java.util.List.of(), misses, LongAdder::doubleValue);
    }

    public SigningKeys keys() {
        return keys;
    }

    /** The identity of an already verified token, built for this request; null when quarkus-oidc has to verify it. */
    SecurityIdentity lookup(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!enabled || !(request.getToken() instanceof AccessTokenCredential credential) || credential.isOpaque()) {
            return null;
        }
        Verified v = tokens.get(credential.getToken());
        if (v == null) {
            misses.increment();
            request.setAttribute(KEYS_GENERATION, keys.generation());
            return null;
        }
        hits.increment();
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(v.principal())
                .addRoles(v.roles())
                .addCredential(credential)
                .addPermissions(v.permissions())
                .addAttributes(v.attributes())
                .addAttribute(SERVED_FROM_CACHE, Boolean.TRUE);
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc != null) {
            identity.addAttribute(RoutingContext.class.getName(), rc);
            Object blocking = rc.get(AuthenticationRequestContext.class.getName());
            if (blocking != null) {
                identity.addAttribute(AuthenticationRequestContext.class.getName(), blocking);
            }
        }
        return identity.build();
    }

    /** Stores an identity quarkus-oidc has just verified (see {@link VerifiedTokens#put} for what is refused). */
    void remember(SecurityIdentity identity, Map<String, Object> requestAttributes) {
        if (!enabled || identity.getAttribute(SERVED_FROM_CACHE) != null
                || !(requestAttributes.get(KEYS_GENERATION) instanceof Long generation)
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.isOpaque() || credential.getToken() == null) {
            return;
        }
        Map<String, Object> attributes = new HashMap<>();
        identity.getAttributes().forEach((name, value) -> {
            if (!isPerRequest(name, value)) {
                attributes.put(name, value);
            }
        });
        attributes.put(RATE_LIMIT_CLIENT, rateLimiter.client(identity));
        tokens.put(credential.getToken(), jwt.getExpirationTime(), keyId(credential.getToken()), generation,
                new Verified(jwt, Set.copyOf(identity.getRoles()), Set.copyOf(identity.getPermissions()),
                        Map.copyOf(attributes)));
    }

    /** The routing context, the blocking executor and the like belong to the request a token came with. */
    private static boolean isPerRequest(String name, Object value) {
        return value == null || value instanceof RoutingContext || value instanceof AuthenticationRequestContext
                || name.equals(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE) || name.equals("io.quarkus.security.identities");
    }

    /** The {@code kid} of a JWT's header, or null. */
    static String keyId(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            return new JsonObject(new String(Base64.getUrlDecoder().decode(token.substring(0, dot)),
                    java.nio.charset.StandardCharsets.UTF_8)).getString("kid");
        } catch (RuntimeException e) {
            return null;
        }
    }

    public boolean contains(String token) {
        return tokens.get(token) != null;
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public int size() {
        return tokens.size();
    }
}
