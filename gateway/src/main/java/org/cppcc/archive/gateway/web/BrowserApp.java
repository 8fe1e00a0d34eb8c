package org.cppcc.archive.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What the gateway's two browser applications (Swagger UI and the console) share: a page read once from the
 * classpath, served at {@code base/} with one Content-Security-Policy on every answer under {@code base}, and the
 * classpath lookups their routes need.
 */
public final class BrowserApp {

    private final String base;
    private final String page;
    private final String policy;

    /** @param base a path without the trailing slash, e.g. {@code /console} */
    public BrowserApp(String base, String pageResource, String policy) {
        this.base = base;
        this.page = text(pageResource);
        this.policy = policy;
    }

    /** Puts the policy on every answer under the base and answers {@code base/} with the page. */
    public void install(Router router) {
        // Vert.x matches /base and /base/ alike: only the form without the slash is redirected.
        router.route(base + "*").handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", policy);
            ctx.next();
        });
        router.get(base).handler(ctx -> {
            if (ctx.request().path().endsWith("/")) {
                sendPage(ctx);
            } else {
                ctx.redirect(base + "/");
            }
        });
    }

    public void sendPage(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/html;charset=UTF-8")
                .putHeader("Cache-Control", "no-cache").end(page);
    }

    /** The scheme and authority of Keycloak, from the realm URL: what a policy lets the page call and post to. */
    public static String keycloakOrigin(String realmUrl) {
        URI realm = URI.create(realmUrl);
        return realm.getScheme() + "://" + realm.getRawAuthority();
    }

    /** A UTF-8 text resource of the classpath. */
    public static String text(String name) {
        try (InputStream in = stream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of a Maven artifact on the classpath (from its {@code pom.properties}): where its web files are. */
    public static String artifactVersion(String groupId, String artifactId) {
        try (InputStream in = stream("META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties")) {
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + name);
        }
        return in;
    }
}
