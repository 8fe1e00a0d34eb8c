package org.cppcc.archive.document.mapping;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cppcc.archive.document.api.CompilationDetail;
import org.cppcc.archive.document.api.CompilationPreview;
import org.cppcc.archive.document.api.CompilationSummary;
import org.cppcc.archive.document.api.SpeechItem;
import org.cppcc.archive.document.parsing.ParsedCompilation;
import org.cppcc.archive.document.repository.CompilationEntity;

@ApplicationScoped
public class CompilationMapper {

    private final SpeechMapper speeches;

    public CompilationMapper(SpeechMapper speeches) {
        this.speeches = speeches;
    }

    public CompilationSummary summary(CompilationEntity c, long speechCount) {
        return new CompilationSummary(c.id, c.title, c.subtitle, c.meeting, c.date, c.province, c.sourceSha256,
                c.importedAt, c.importedBy, speechCount);
    }

    public CompilationDetail detail(CompilationEntity c, List<SpeechItem> items) {
        return new CompilationDetail(c.id, c.title, c.subtitle, c.meeting, c.date, c.province, c.sourceSha256,
                c.importedAt, c.importedBy, items);
    }

    public CompilationPreview preview(ParsedCompilation p, String sha256, Long existingId) {
        return new CompilationPreview(true, p.title(), p.subtitle(), p.meeting(), p.date(), p.province(), sha256,
                existingId, p.speeches().stream().map(speeches::preview).toList(),
                p.warnings().stream().map(w -> new CompilationPreview.Warning(w.line(), w.message())).toList(),
                p.unplaced().stream().map(u -> new CompilationPreview.Unplaced(u.fromLine(), u.toLine(), u.text()))
                        .toList(),
                p.coverage());
    }
}
