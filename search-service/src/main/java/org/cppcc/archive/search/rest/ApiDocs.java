package org.cppcc.archive.search.rest;

import org.cppcc.archive.contract.Problem;

/**
 * Constants for the OpenAPI annotations of the resources. The examples (from the seed compilation, 四川省政协
 * 2021-09-28) are in {@code src/main/resources/openapi/examples/}, keyed by operationId; the common problem answers
 * are added by {@code ContractOpenApiFilter}.
 */
final class ApiDocs {

    static final String JSON = "application/json";
    static final String PROBLEM = Problem.MEDIA_TYPE;

    private ApiDocs() {
    }
}
