package org.cppcc.archive.document.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;

public record CompilationSummary(long id, String title, String subtitle, String meeting, LocalDate date,
        String province, String sourceSha256, OffsetDateTime importedAt, String importedBy, long speechCount) {
}
