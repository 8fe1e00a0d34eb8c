package org.cppcc.archive.document.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A compilation in lists; {@code coverage} and {@code warningCount} point an admin at imports to check. */
public record CompilationSummary(long id, String title, @Schema(nullable = true) String subtitle, @Schema(nullable = true) String meeting, @Schema(nullable = true) LocalDate date,
        @Schema(nullable = true) String province, @Schema(description = ApiText.PROVINCE_CODE, nullable = true) String provinceCode, String sourceSha256,
        OffsetDateTime importedAt, String importedBy,
        @Schema(description = ApiText.STORED_COVERAGE, minimum = "0", maximum = "1", nullable = true) Double coverage,
        @Schema(description = "how many warnings the parse report holds") int warningCount, long speechCount) {
}
