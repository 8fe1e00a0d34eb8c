package org.cppcc.archive.gateway.proxy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.inject.Singleton;

import org.cppcc.archive.gateway.config.GatewayConfig;
import org.cppcc.archive.gateway.resilience.CircuitBreaker;

/** The routing table: which upstream serves a path, its replicas and each replica's breaker. */
@Singleton
public class Upstreams {

    /** One upstream service as the proxy sees it. */
    public record Upstream(String name, Replicas replicas) {
    }

    private final Map<String, Upstream> byName = new LinkedHashMap<>();
    private final RouteTable<Upstream> routes;

    public Upstreams(GatewayConfig config) {
        // By name, so that the merged OpenAPI document does not hang on a config map's iteration order.
        new TreeMap<>(config.upstreams()).forEach((name, upstream) -> byName.put(name, new Upstream(name,
                new Replicas(upstream.url().stream().map(url -> new Replicas.Replica(URI.create(url.trim()),
                        new CircuitBreaker(config.circuitBreaker().failureThreshold(),
                                config.circuitBreaker().openDuration(), System::nanoTime)))
                        .toList()))));
        Map<String, Upstream> byPrefix = new LinkedHashMap<>();
        config.routes().forEach((prefix, name) -> byPrefix.put(prefix, require(name)));
        routes = new RouteTable<>(byPrefix);
    }

    private Upstream require(String name) {
        Upstream upstream = byName.get(name);
        if (upstream == null) {
            throw new IllegalStateException("gateway.routes names unknown upstream '" + name + "'");
        }
        return upstream;
    }

    public Optional<Upstream> forPath(String path) {
        return routes.forPath(path);
    }

    public Map<String, Upstream> all() {
        return byName;
    }
}
