package org.cppcc.archive.document.api;

import java.time.LocalDate;
import java.util.List;

/**
 * What a dry-run import would store (nothing is stored; speeches have no ids), with what the parser assumed
 * ({@code warnings}), what it could not place ({@code unplaced}) and the share of the source it placed
 * ({@code coverage}, 0–1).
 */
public record CompilationPreview(boolean dryRun, String title, String subtitle, String meeting, LocalDate date,
        String province, String sourceSha256, Long existingCompilationId, List<SpeechDetail> speeches,
        List<Warning> warnings, List<Unplaced> unplaced, double coverage) {

    public record Warning(int line, String message) {
    }

    public record Unplaced(int fromLine, int toLine, String text) {
    }
}
