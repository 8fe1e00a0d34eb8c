package org.cppcc.archive.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.cppcc.archive.gateway.config.GatewayConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
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

    private final String page;
    private final String init;
    private final String assets;
    private final String policy;

    public SwaggerUiRoute(GatewayConfig config, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        String clientId = config.swaggerUi().clientId();
        this.assets = WEBJAR + webjarVersion();
        this.page = resource("swagger-ui/index.html");
        this.init = resource("swagger-ui/speech-archive-init.js").replace("{{clientId}}", clientId);
        this.policy = contentSecurityPolicy(realmUrl);
    }

    /**
     * What Swagger UI needs and nothing more: its scripts and styles from this origin (no inline script: our
     * initialisation is a file too), inline styles (its React components set style attributes), images from data:
     * URIs (its icons), and calls to the API here and to Keycloak's token endpoint (the code-for-token exchange).
     */
    static String contentSecurityPolicy(String realmUrl) {
        URI realm = URI.create(realmUrl);
        String keycloak = realm.getScheme() + "://" + realm.getRawAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; connect-src 'self' " + keycloak + "; object-src 'none'; base-uri 'none'; "
                + "form-action 'self' " + keycloak + "; frame-ancestors 'none'";
    }

    void install(@Observes Router router) {
        // Vert.x matches /q/swagger-ui and /q/swagger-ui/ alike: only the form without the slash is redirected.
        router.route(BASE + "*").handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", policy);
            ctx.next();
        });
        router.get(BASE).handler(ctx -> {
            if (ctx.request().path().endsWith("/")) {
                index(ctx);
            } else {
                ctx.redirect(BASE + "/");
            }
        });
        router.get(BASE + "/index.html").handler(this::index);
        router.get(BASE + "/speech-archive-init.js").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/javascript;charset=UTF-8").putHeader("Cache-Control", "no-cache")
                .end(init));
        router.get(BASE + "/*").handler(StaticHandler.create(FileSystemAccess.RELATIVE, assets)
                .setCachingEnabled(true).setMaxAgeSeconds(3600).setDirectoryListing(false));
    }

    private void index(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/html;charset=UTF-8")
                .putHeader("Cache-Control", "no-cache").end(page);
    }

    private static String webjarVersion() {
        try (InputStream in = resourceStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = resourceStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resourceStream(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + name);
        }
        return in;
    }
}
