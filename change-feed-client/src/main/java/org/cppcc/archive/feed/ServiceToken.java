package org.cppcc.archive.feed;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;

/**
 * The service's own access token (client credentials of the {@code feed-consumer} client), fetched
 * on first use and fetched again shortly before it expires ({@code quarkus.oidc-client.refresh-token-time-skew})
 * or after document-service refused it.
 */
@ApplicationScoped
public class ServiceToken {

    private final OidcClient oidc;
    private Tokens tokens;

    public ServiceToken(OidcClient oidc) {
        this.oidc = oidc;
    }

    public synchronized String get() {
        if (tokens == null || tokens.isAccessTokenExpired() || tokens.isAccessTokenWithinRefreshInterval()) {
            tokens = oidc.getTokens().await().atMost(Duration.ofSeconds(15));
        }
        return tokens.getAccessToken();
    }

    /** Forget the token, e.g. after a 401: the next call fetches a new one. */
    public synchronized void invalidate() {
        tokens = null;
    }
}
