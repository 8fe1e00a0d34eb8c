package org.cppcc.archive.contract;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The headers every answer carries: no MIME sniffing, no referrer, and no caching of an answer to an authenticated
 * request (a proxy or browser cache must not hand one caller's data to another).
 */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    public static void apply(HttpServerRequest request, HttpServerResponse response) {
        MultiMap headers = response.headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (request.getHeader("Authorization") != null && !headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
    }
}
