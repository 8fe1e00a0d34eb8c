package org.cppcc.archive.search.rest;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same HTTP contract with the service configured for OpenSearch ({@code search.backend=opensearch}). */
@QuarkusTest
@EnabledIfSystemProperty(named = "opensearch", matches = "true", disabledReason = "the OpenSearch backend is tested"
        + " with -Dopensearch=true, a test command of its own (README, \"Scaling out\")")
@TestProfile(OpenSearchIndexProfile.class)
class SearchResourceOnOpenSearchTest extends SearchResourceTest {
}
