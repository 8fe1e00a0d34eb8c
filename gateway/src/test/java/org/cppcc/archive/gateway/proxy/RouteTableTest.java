package org.cppcc.archive.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable<String> routes = new RouteTable<>(
            Map.of("/api/v1/speeches", "document", "/api/v1/speeches/archive", "archive", "/api/v1/search", "search"));

    @Test
    void theLongestMatchingPrefixWins() {
        assertEquals(Optional.of("document"), routes.forPath("/api/v1/speeches/7"));
        assertEquals(Optional.of("archive"), routes.forPath("/api/v1/speeches/archive/7"));
        assertEquals(Optional.of("search"), routes.forPath("/api/v1/search"));
    }

    @Test
    void prefixesMatchWholeSegmentsOnly() {
        assertEquals(Optional.empty(), routes.forPath("/api/v1/searchable"));
        assertEquals(Optional.empty(), routes.forPath("/api/v1"));
    }
}
