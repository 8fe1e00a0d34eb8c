package org.cppcc.archive.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcResponseFilter;
import io.vertx.core.json.JsonObject;

/**
 * Sees every JWKS answer quarkus-oidc fetches from the realm (at start, and whenever a token names a key it does not
 * know) before quarkus-oidc installs it, and hands the key set to {@link SigningKeys}: the token cache then serves
 * exactly the tokens whose keys quarkus-oidc would still accept.
 */
@ApplicationScoped
@Unremovable
@OidcEndpoint(OidcEndpoint.Type.JWKS)
public class JwksObserver implements OidcResponseFilter {

    private static final Logger LOG = Logger.getLogger(JwksObserver.class);

    private final TokenCache cache;

    public JwksObserver(TokenCache cache) {
        this.cache = cache;
    }

    @Override
    public void filter(OidcResponseContext rc) {
        if (rc.statusCode() != 200 || rc.responseBody() == null) {
            return; // quarkus-oidc keeps its keys, and so do we
        }
        try {
            cache.keys().update(new JsonObject(rc.responseBody().toString()));
        } catch (RuntimeException e) {
            // quarkus-oidc cannot use such an answer either; forget every key so that nothing is served from the cache
            cache.keys().update(java.util.Map.of());
            LOG.warnf("Unreadable JWKS answer, token cache emptied: %s", e.toString());
        }
    }
}
