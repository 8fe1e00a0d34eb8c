package org.cppcc.archive.document.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A compilation with its (not deleted) speeches in table-of-contents order. */
public record CompilationDetail(long id, String title, String subtitle, String meeting, LocalDate date,
        String province, String sourceSha256, OffsetDateTime importedAt, String importedBy,
        List<SpeechItem> speeches) {
}
