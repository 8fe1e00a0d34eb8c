package org.cppcc.archive.gateway.auth;

import java.util.Map;

import jakarta.inject.Singleton;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/** Runs last on every authenticated identity and hands those quarkus-oidc has just verified to the {@link TokenCache}. */
@Singleton
public class TokenCacheAugmentor implements SecurityIdentityAugmentor {

    private final TokenCache cache;

    public TokenCacheAugmentor(TokenCache cache) {
        this.cache = cache;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE; // after every other augmentor, so the identity stored is the final one
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        cache.remember(identity, attributes);
        return Uni.createFrom().item(identity);
    }
}
