package org.cppcc.archive.document.api;

import java.time.LocalDate;
import java.util.List;

/** What a dry-run import would store (nothing is stored; speeches have no ids). */
public record CompilationPreview(boolean dryRun, String title, String subtitle, String meeting, LocalDate date,
        String province, String sourceSha256, Long existingCompilationId, List<SpeechDetail> speeches) {
}
