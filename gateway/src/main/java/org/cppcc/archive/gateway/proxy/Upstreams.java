package org.cppcc.archive.gateway.proxy;

import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.cppcc.archive.gateway.config.GatewayConfig;

/** The routing table: which upstream serves a path, and each upstream's breaker. */
@Singleton
public class Upstreams {

    /** One upstream service as the proxy sees it. */
    public record Upstream(String name, URI baseUrl, CircuitBreaker breaker) {
    }

    private record Route(String prefix, Upstream upstream) {
        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    private final Map<String, Upstream> byName = new LinkedHashMap<>();
    private final List<Route> routes;

    public Upstreams(GatewayConfig config) {
        config.upstreams().forEach((name, upstream) -> byName.put(name, new Upstream(name,
                URI.create(upstream.url()), new CircuitBreaker(config.circuitBreaker().failureThreshold(),
                        config.circuitBreaker().openDuration(), System::nanoTime))));
        routes = config.routes().entrySet().stream()
                .map(e -> new Route(e.getKey(), require(e.getValue())))
                .sorted(Comparator.comparing((Route r) -> r.prefix().length()).reversed())
                .toList();
    }

    private Upstream require(String name) {
        Upstream upstream = byName.get(name);
        if (upstream == null) {
            throw new IllegalStateException("gateway.routes names unknown upstream '" + name + "'");
        }
        return upstream;
    }

    public Optional<Upstream> forPath(String path) {
        return routes.stream().filter(r -> r.matches(path)).map(Route::upstream).findFirst();
    }

    public Map<String, Upstream> all() {
        return byName;
    }
}
