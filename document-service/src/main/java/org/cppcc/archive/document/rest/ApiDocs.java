package org.cppcc.archive.document.rest;

import java.util.List;

import org.cppcc.archive.contract.Problem;
import org.cppcc.archive.document.api.CompilationSummary;
import org.cppcc.archive.document.api.SpeechItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Constants for the OpenAPI annotations of the resources, and the shapes of the generic pages. The examples (from the
 * seed compilation, 四川省政协 2021-09-28) are in {@code src/main/resources/openapi/examples/}, keyed by operationId;
 * the common problem answers are added by {@code ContractOpenApiFilter}.
 */
final class ApiDocs {

    static final String JSON = "application/json";
    static final String PROBLEM = Problem.MEDIA_TYPE;

    /** Documentation only: the shape of {@code PageResult<SpeechItem>}. */
    @Schema(name = "SpeechPage", description = "One page of speeches; page is 0-based, total counts all matches")
    static final class SpeechPage {
        public List<SpeechItem> items;
        public int page;
        public int size;
        public long total;
    }

    /** Documentation only: the shape of {@code PageResult<CompilationSummary>}. */
    @Schema(name = "CompilationPage", description = "One page of compilations; page is 0-based, total counts all")
    static final class CompilationPage {
        public List<CompilationSummary> items;
        public int page;
        public int size;
        public long total;
    }

    private ApiDocs() {
    }
}
