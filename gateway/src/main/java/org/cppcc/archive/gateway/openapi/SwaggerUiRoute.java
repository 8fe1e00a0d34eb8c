package org.cppcc.archive.gateway.openapi;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.cppcc.archive.gateway.config.GatewayConfig;
import org.cppcc.archive.gateway.web.BrowserApp;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Swagger UI at {@code /q/swagger-ui/}: the webjar's assets from the classpath, with our own page that loads the
 * merged {@code /q/openapi} and logs in through Keycloak (public client {@code swagger-ui}, authorization code with
 * PKCE; Keycloak sends the browser back to {@code /q/swagger-ui/oauth2-redirect.html}). Every answer under
 * {@code /q/swagger-ui} carries a Content-Security-Policy; the webjar's assets stay cacheable for an hour.
 */
@Singleton
public class SwaggerUiRoute {

    static final String BASE = "/q/swagger-ui";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";

    private final BrowserApp app;
    private final String init;
    private final String assets;

    public SwaggerUiRoute(GatewayConfig config, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        String clientId = config.swaggerUi().clientId();
        this.assets = WEBJAR + BrowserApp.artifactVersion("org.webjars", "swagger-ui");
        this.app = new BrowserApp(BASE, "swagger-ui/index.html", contentSecurityPolicy(realmUrl));
        this.init = BrowserApp.text("swagger-ui/speech-archive-init.js").replace("{{clientId}}", clientId);
    }

    /**
     * What Swagger UI needs and nothing more: its scripts and styles from this origin (no inline script: our
     * initialisation is a file too), inline styles (its React components set style attributes), images from data:
     * URIs (its icons), and calls to the API here and to Keycloak's token endpoint (the code-for-token exchange).
     */
    static String contentSecurityPolicy(String realmUrl) {
        String keycloak = BrowserApp.keycloakOrigin(realmUrl);
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; connect-src 'self' " + keycloak + "; object-src 'none'; base-uri 'none'; "
                + "form-action 'self' " + keycloak + "; frame-ancestors 'none'";
    }

    void install(@Observes Router router) {
        app.install(router);
        router.get(BASE + "/index.html").handler(app::sendPage);
        router.get(BASE + "/speech-archive-init.js").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/javascript;charset=UTF-8").putHeader("Cache-Control", "no-cache")
                .end(init));
        router.get(BASE + "/*").handler(StaticHandler.create(FileSystemAccess.RELATIVE, assets)
                .setCachingEnabled(true).setMaxAgeSeconds(3600).setDirectoryListing(false));
    }
}
