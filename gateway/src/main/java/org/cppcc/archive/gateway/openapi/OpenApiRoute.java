package org.cppcc.archive.gateway.openapi;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.cppcc.archive.contract.Problems;
import org.cppcc.archive.gateway.config.GatewayConfig;
import org.cppcc.archive.gateway.proxy.Replicas.Replica;
import org.cppcc.archive.gateway.proxy.Upstreams;
import org.cppcc.archive.gateway.proxy.Upstreams.Upstream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /q/openapi}: the one document of the public API, merged at run time from each service's own
 * {@code /q/openapi?format=json}. Documents are fetched at start and then every {@code gateway.openapi.refresh}
 * (and again on a request while one is missing); an upstream that is down keeps its last fetched document, and
 * only when none was ever fetched does the caller get a 503 problem. JSON by default; YAML for
 * {@code ?format=yaml} or {@code Accept: application/yaml}.
 */
@Singleton
public class OpenApiRoute {

    private static final Logger LOG = Logger.getLogger(OpenApiRoute.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());
    private static final Duration RETRY_MISSING_AFTER = Duration.ofSeconds(5);

    private final Upstreams upstreams;
    private final HttpClient client;
    private final OpenApiMerger.Keycloak keycloak;
    private final String serverUrl;
    private final Map<String, JsonNode> fetched = new ConcurrentHashMap<>();
    private final AtomicLong lastAttempt = new AtomicLong();
    private volatile ObjectNode merged;

    public OpenApiRoute(Upstreams upstreams, Vertx vertx,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl, GatewayConfig config) {
        Duration refresh = config.openapi().refresh();
        this.upstreams = upstreams;
        this.serverUrl = config.openapi().serverUrl().map(u -> u.replaceAll("/+$", "")).orElse(null);
        this.keycloak = OpenApiMerger.Keycloak.ofRealm(realmUrl);
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000).setMaxPoolSize(4));
        vertx.setTimer(1000, id -> refresh());
        vertx.setPeriodic(refresh.toMillis(), id -> refresh());
    }

    void install(@Observes Router router) {
        router.get("/q/openapi").handler(this::serve);
        router.get("/q/openapi.json").handler(ctx -> send(ctx, false));
        router.get("/q/openapi.yaml").handler(ctx -> send(ctx, true));
    }

    private void serve(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        String accept = ctx.request().getHeader("Accept");
        boolean yaml = format != null ? format.equalsIgnoreCase("yaml") || format.equalsIgnoreCase("yml")
                : accept != null && (accept.contains("application/yaml") || accept.contains("text/yaml")
                        || accept.contains("application/x-yaml"));
        send(ctx, yaml);
    }

    private void send(RoutingContext ctx, boolean yaml) {
        if (fetched.size() < upstreams.all().size()
                && System.nanoTime() - lastAttempt.get() > RETRY_MISSING_AFTER.toNanos()) {
            refresh().onComplete(done -> answer(ctx, yaml));
        } else {
            answer(ctx, yaml);
        }
    }

    private void answer(RoutingContext ctx, boolean yaml) {
        ObjectNode doc = merged;
        if (doc == null) {
            ctx.response().putHeader("Retry-After", "5");
            Problems.send(ctx, 503, "No service has published its API description yet; retry later.");
            return;
        }
        String base = serverUrl != null ? serverUrl
                : ctx.request().scheme() + "://" + ctx.request().authority();
        try {
            ObjectNode out = OpenApiMerger.withServer(doc, base);
            ctx.response().putHeader("Cache-Control", "no-cache")
                    .putHeader("Content-Type", yaml ? "application/yaml;charset=UTF-8"
                            : "application/json;charset=UTF-8")
                    .end(Buffer.buffer((yaml ? YAML : JSON).writeValueAsBytes(out)));
        } catch (Exception e) {
            LOG.error("Cannot write the merged OpenAPI document", e);
            Problems.send(ctx, 500, "The API description could not be written.");
        }
    }

    /** Fetches every service's document (keeping the last one of a service that does not answer) and re-merges. */
    Future<Void> refresh() {
        lastAttempt.set(System.nanoTime());
        List<Future<Void>> all = upstreams.all().values().stream().map(this::fetch).toList();
        return Future.join(all).transform(done -> {
            remerge();
            return Future.succeededFuture();
        });
    }

    private Future<Void> fetch(Upstream upstream) {
        return fetch(upstream, upstream.replicas().all(), 0);
    }

    /** The document of the first replica, from {@code index} on, that gives it (the replicas serve the same one). */
    private Future<Void> fetch(Upstream upstream, List<Replica> replicas, int index) {
        URI base = replicas.get(index).baseUrl();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setHost(base.getHost()).setPort(base.getPort())
                .setURI("/q/openapi?format=json").setIdleTimeout(5000).putHeader("Accept", "application/json");
        Future<Void> attempt = client.request(options)
                .compose(req -> req.send())
                .compose(resp -> resp.statusCode() == 200 ? resp.body()
                        : Future.failedFuture("status " + resp.statusCode()))
                .<Void>map(body -> {
                    try {
                        fetched.put(upstream.name(), JSON.readTree(body.getBytes()));
                    } catch (Exception e) {
                        throw new IllegalStateException("unreadable document: " + e.getMessage(), e);
                    }
                    return null;
                });
        return index + 1 < replicas.size() ? attempt.recover(e -> fetch(upstream, replicas, index + 1))
                : attempt.onFailure(e -> LOG.debugf("OpenAPI document of %s not fetched (keeping the last one): %s",
                        upstream.name(), e.getMessage()));
    }

    private synchronized void remerge() {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        upstreams.all().keySet().forEach(name -> {
            JsonNode doc = fetched.get(name);
            if (doc != null) {
                docs.put(name, doc);
            }
        });
        if (docs.isEmpty()) {
            return;
        }
        try {
            merged = OpenApiMerger.merge(docs,
                    (path, service) -> upstreams.forPath(path).map(u -> u.name().equals(service)).orElse(false),
                    keycloak);
        } catch (RuntimeException e) {
            LOG.error("Cannot merge the services' OpenAPI documents; keeping the previous merge", e);
        }
    }
}
