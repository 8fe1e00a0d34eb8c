package org.cppcc.archive.document.api;

/** Field descriptions the preview and the stored compilation share in the OpenAPI document. */
final class ApiText {

    static final String PROVINCE_CODE = "GB/T 2260 code of the province inferred from the speakers (330000); "
            + "null when no speaker names a known division";
    static final String COVERAGE = "characters of the source that ended up in a speech or the cover / characters of "
            + "the source minus page furniture and whitespace (1.0: everything placed)";
    static final String STORED_COVERAGE = COVERAGE + "; null for compilations imported before parse reports were kept";
    static final String WARNINGS = "what the parser assumed, by line: check these speeches first";
    static final String UNPLACED = "source text that is in no speech: nothing is dropped silently";

    private ApiText() {
    }
}
