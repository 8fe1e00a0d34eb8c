package org.cppcc.archive.gateway.console;

import java.net.URI;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.cppcc.archive.gateway.config.GatewayConfig;
import org.cppcc.archive.gateway.web.BrowserApp;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web console at {@code /console/}: static files from the classpath ({@code speech-archive-console/}, written by
 * the build: our own ES modules, keycloak-js from its pinned npm package, ECharts from its pinned Maven artifact),
 * served by the gateway so that the console has the API's origin (no CORS, no second process, one
 * Content-Security-Policy) and no server-side session: the browser logs in through Keycloak (public client
 * {@code console}, authorization code with PKCE) and calls {@code /api/v1/...} with the access token.
 * Every path under {@code /console/} that names no file answers the console's page, so a citation link such as
 * {@code /console/speeches/4#p-2} opens the speech.
 */
@Singleton
public class ConsoleRoute {

    static final String BASE = "/console";
    static final String ASSETS = "speech-archive-console";

    private final BrowserApp app;
    private final String config;
    private final String echarts;

    public ConsoleRoute(GatewayConfig gateway, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        this.echarts = "META-INF/resources/_static/echarts/" + BrowserApp.artifactVersion("org.mvnpm", "echarts") + "/dist";
        this.app = new BrowserApp(BASE, ASSETS + "/index.html", contentSecurityPolicy(realmUrl));
        this.config = browserConfig(realmUrl, gateway.console().clientId()).encode();
    }

    /** What keycloak-js is started with: the server's URL (before {@code /realms/}), the realm and the client. */
    static JsonObject browserConfig(String realmUrl, String clientId) {
        URI realm = URI.create(realmUrl);
        String path = realm.getRawPath();
        int cut = path.lastIndexOf("/realms/");
        if (cut < 0) {
            throw new IllegalArgumentException("not a Keycloak realm URL: " + realmUrl);
        }
        return new JsonObject().put("keycloakUrl", realm.getScheme() + "://" + realm.getRawAuthority() + path.substring(0, cut))
                .put("realm", path.substring(cut + "/realms/".length()).replaceAll("/+$", "")).put("clientId", clientId);
    }

    /**
     * Scripts and styles from this origin only (no inline script, no eval, no style attribute in markup: the page's
     * code is ES modules served here, ECharts draws on canvases, tooltips included, and sizes them through the
     * CSSOM); images from data: and blob: URIs (a chart exported as PNG); calls to the API here and to Keycloak (the
     * code-for-token exchange and the token refresh); forms and frames nowhere else.
     */
    static String contentSecurityPolicy(String realmUrl) {
        String keycloak = BrowserApp.keycloakOrigin(realmUrl);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "font-src 'self'; connect-src 'self' " + keycloak + "; frame-src 'none'; object-src 'none'; "
                + "base-uri 'none'; form-action 'self' " + keycloak + "; frame-ancestors 'none'";
    }

    void install(@Observes Router router) {
        app.install(router);
        router.get(BASE + "/config.json").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache").end(config));
        router.get(BASE + "/vendor/echarts/*").handler(staticFiles(echarts, BASE + "/vendor/echarts/"));
        router.get(BASE + "/*").handler(staticFiles(ASSETS, BASE + "/"));
        // A path naming no file (no dot in its last segment) is one of the console's own pages.
        router.get(BASE + "/*").handler(ctx -> {
            String path = ctx.request().path();
            if (path.substring(path.lastIndexOf('/') + 1).contains(".")) {
                ctx.next();
            } else {
                app.sendPage(ctx);
            }
        });
    }

    private static io.vertx.core.Handler<RoutingContext> staticFiles(String root, String prefix) {
        // max-age=0: revalidated on every load (Last-Modified, 304), for the files change with each build, their names do not.
        StaticHandler files = StaticHandler.create(FileSystemAccess.RELATIVE, root).setCachingEnabled(true)
                .setMaxAgeSeconds(0).setDirectoryListing(false).setDefaultContentEncoding("UTF-8");
        return ctx -> {
            if (ctx.request().path().equals(prefix)) {
                ctx.next();
                return;
            }
            files.handle(ctx);
        };
    }
}
