package org.cppcc.archive.search.rest;

import java.util.Map;

import org.cppcc.archive.search.index.Backend;
import org.cppcc.archive.search.index.TestOpenSearch;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service on the OpenSearch backend: the test node, an index (alias) of its own each time it starts. */
public class OpenSearchIndexProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        if (!TestOpenSearch.enabled()) {
            return Map.of(); // read while tests are discovered, also when the class that uses it is disabled
        }
        return Map.of("search.backend", "opensearch",
                "search.opensearch.url", String.join(",", TestOpenSearch.urls()),
                "search.opensearch.index", Backend.fresh("resource"));
    }
}
