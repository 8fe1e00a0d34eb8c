package org.cppcc.archive.document.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a dry-run import would store (nothing is stored; speeches have no ids), with what the parser assumed
 * ({@code warnings}), what it could not place ({@code unplaced}) and the share of the source it placed
 * ({@code coverage}, 0–1). The real import keeps the same report with the compilation.
 */
public record CompilationPreview(boolean dryRun, String title, @Schema(nullable = true) String subtitle, @Schema(nullable = true) String meeting, @Schema(nullable = true) LocalDate date,
        @Schema(nullable = true) String province, @Schema(description = ApiText.PROVINCE_CODE, nullable = true) String provinceCode, String sourceSha256,
        @Schema(nullable = true) Long existingCompilationId, @Schema(description = ApiText.PREFACE) List<String> preface,
        List<SpeechDetail> speeches,
        @Schema(description = ApiText.WARNINGS) List<Warning> warnings,
        @Schema(description = ApiText.UNPLACED) List<Unplaced> unplaced,
        @Schema(description = ApiText.COVERAGE, minimum = "0", maximum = "1") double coverage) {

    @Schema(description = "Something the parser assumed rather than read")
    public record Warning(@Schema(description = "1-based line of the source") int line,
            @Schema(description = "what was assumed") String message) {
    }

    @Schema(description = "Source lines the parser could not place in any speech and did not take for page furniture")
    public record Unplaced(@Schema(description = "first line (1-based)") int fromLine,
            @Schema(description = "last line (1-based, inclusive)") int toLine,
            @Schema(description = "the lines' text, joined with line breaks") String text) {
    }
}
