package org.cppcc.archive.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** Writes RFC 9457 problem details; every error the gateway itself produces goes through here. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static void send(RoutingContext ctx, int status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpResponseStatus.valueOf(status).reasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", ctx.request().path());
        problem.put("requestId", RequestIds.of(ctx.request()));
        if (ctx.response().headWritten()) {
            // Too late for a status: the upstream's answer is already on its way. Cut it off so
            // the caller sees an incomplete response rather than a silently truncated one.
            ctx.request().connection().close();
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, RequestIds.of(ctx.request()))
                .end(Json.encode(problem));
    }
}
