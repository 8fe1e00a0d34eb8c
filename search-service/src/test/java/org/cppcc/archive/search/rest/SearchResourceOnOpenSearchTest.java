package org.cppcc.archive.search.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same HTTP contract with the service configured for OpenSearch ({@code search.backend=opensearch}). */
@QuarkusTest
@TestProfile(OpenSearchIndexProfile.class)
class SearchResourceOnOpenSearchTest extends SearchResourceTest {
}
