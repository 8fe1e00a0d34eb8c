package org.cppcc.archive.search.web;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpServerRequest;

/**
 * The {@code X-Request-Id} that ties together the gateway's, this service's and the caller's logs.
 * A caller-supplied id is kept only when it is short and plain, so it cannot inject into logs.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The request's id, assigning a fresh one (and writing it back into the headers) when absent or unsafe. */
    public static String of(HttpServerRequest request) {
        String id = request.getHeader(HEADER);
        if (id == null || !SAFE.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
            request.headers().set(HEADER, id);
        }
        return id;
    }
}
