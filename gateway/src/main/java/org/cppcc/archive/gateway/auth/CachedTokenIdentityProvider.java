package org.cppcc.archive.gateway.auth;

import jakarta.inject.Singleton;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * Asked before quarkus-oidc's provider (higher priority): answers a bearer token that is in the {@link TokenCache}
 * with its identity at once, and answers nothing otherwise, so that quarkus-oidc verifies the token as it always did.
 */
@Singleton
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Uni<SecurityIdentity> NOT_CACHED = Uni.createFrom().nullItem();

    private final TokenCache cache;

    public CachedTokenIdentityProvider(TokenCache cache) {
        this.cache = cache;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST + 1000; // quarkus-oidc's provider has the default, just above SYSTEM_FIRST
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        SecurityIdentity identity = cache.lookup(request, context);
        return identity == null ? NOT_CACHED : Uni.createFrom().item(identity);
    }
}
