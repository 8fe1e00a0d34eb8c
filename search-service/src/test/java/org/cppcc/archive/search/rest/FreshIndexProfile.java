package org.cppcc.archive.search.rest;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The resource tests' service on an index of its own: a new, empty data directory each time the application
 * starts, so no test sees what an earlier run or another profile left.
 */
public class FreshIndexProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Path dir = Path.of("target", "test-index-" + UUID.randomUUID()).toAbsolutePath();
        return Map.of("search.data-dir", dir.toString());
    }
}
