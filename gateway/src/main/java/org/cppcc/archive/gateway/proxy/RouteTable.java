package org.cppcc.archive.gateway.proxy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Path prefixes ({@code gateway.routes}) and what serves each: a path goes to its longest matching prefix, matched
 * on whole segments. Pure, so the build-time OpenAPI merge routes exactly as the running gateway does.
 */
public final class RouteTable<T> {

    private record Route<T>(String prefix, T target) {
        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    private final List<Route<T>> routes;

    public RouteTable(Map<String, T> targetByPrefix) {
        routes = targetByPrefix.entrySet().stream()
                .map(e -> new Route<>(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing((Route<T> r) -> r.prefix().length()).reversed())
                .toList();
    }

    public Optional<T> forPath(String path) {
        return routes.stream().filter(r -> r.matches(path)).map(Route::target).findFirst();
    }
}
