package org.cppcc.archive.stats.rest;

import java.util.List;
import java.util.Map;

import org.cppcc.archive.contract.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Constants for the OpenAPI annotations of the resources, and the shape of the facts page. The examples (from the
 * seed compilation, 四川省政协 2021-09-28) are in {@code src/main/resources/openapi/examples/}, keyed by operationId;
 * the common problem answers are added by {@code ContractOpenApiFilter}.
 */
final class ApiDocs {

    static final String JSON = "application/json";
    static final String PROBLEM = Problem.MEDIA_TYPE;
    static final String CSV = Csv.MEDIA_TYPE;

    static final String SPEAKER_KIND = "only speeches given by this kind of speaker (facts of speeches stored "
            + "without a kind count as a committee's)";

    static final String ROWS = "One page of the rows (page, size: 20 by default, at most 100; total: the rows in all); "
            + "totals are over every row. Each row shows the first 3 of its facts in provenance order, factCount "
            + "of them in all, and factsQuery: the /api/v1/stats/facts query that lists them all, page by page.";

    /** Documentation only: the shape of the facts page. */
    @Schema(name = "FactPage", description = "One page of facts; page is 0-based, total counts all matches")
    static final class FactPage {
        public List<Map<String, Object>> items;
        public long total;
        public int page;
        public int size;
    }

    private ApiDocs() {
    }
}
