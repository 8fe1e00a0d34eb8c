package org.cppcc.archive.document.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A compilation with its preface, its (not deleted) speeches in table-of-contents order, and the parse report of
 * its import ({@code coverage}, {@code warnings}, {@code unplaced}) as the dry run showed it.
 */
public record CompilationDetail(long id, String title, @Schema(nullable = true) String subtitle, @Schema(nullable = true) String meeting, @Schema(nullable = true) LocalDate date,
        @Schema(nullable = true) String province, @Schema(description = ApiText.PROVINCE_CODE, nullable = true) String provinceCode, String sourceSha256,
        OffsetDateTime importedAt, String importedBy, @Schema(description = ApiText.PREFACE) List<String> preface,
        @Schema(description = ApiText.STORED_COVERAGE, minimum = "0", maximum = "1", nullable = true) Double coverage,
        @Schema(description = ApiText.WARNINGS) List<CompilationPreview.Warning> warnings,
        @Schema(description = ApiText.UNPLACED) List<CompilationPreview.Unplaced> unplaced,
        List<SpeechItem> speeches) {
}
