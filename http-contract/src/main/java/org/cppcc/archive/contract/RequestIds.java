package org.cppcc.archive.contract;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpServerRequest;

/**
 * The {@code X-Request-Id} that ties together the gateway's, the services' and the caller's logs.
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
        if (!isSafe(id)) {
            id = fresh();
            request.headers().set(HEADER, id);
        }
        return id;
    }

    /** Whether a caller's id may be kept as it is. */
    public static boolean isSafe(String id) {
        return id != null && SAFE.matcher(id).matches();
    }

    public static String fresh() {
        return UUID.randomUUID().toString();
    }
}
