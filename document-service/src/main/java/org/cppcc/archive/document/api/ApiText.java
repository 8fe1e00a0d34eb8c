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
    static final String PREFACE = "paragraphs of the compilation's preface or editor's note (前言, 编者按), "
            + "which belong to no speech; empty when it has none";
    static final String SPEECH_SUBTITLE = "the subtitle line of the speech header as written "
            + "(——在全市政协工作推进会上的发言); null when the header has none";
    static final String SPEECH_DATE = "the date line of the speech header (the 1st of the month where it names "
            + "no day); null when the header has none";

    private ApiText() {
    }
}
