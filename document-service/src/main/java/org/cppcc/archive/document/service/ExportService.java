package org.cppcc.archive.document.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cppcc.archive.document.mapping.SpeechMapper;
import org.cppcc.archive.document.repository.SpeechEntity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;

/**
 * Writes speeches as NDJSON, one full speech per line, paging through the database by id (keyset pagination, one
 * short transaction per batch) so neither the result nor a long transaction is ever held in full.
 */
@ApplicationScoped
public class ExportService {

    static final int BATCH = 100;

    private final SpeechMapper mapper;

    public ExportService(SpeechMapper mapper) {
        this.mapper = mapper;
    }

    /** All not deleted speeches, or those of one compilation when {@code compilationId} is not null. */
    public void write(Long compilationId, OutputStream out) throws IOException {
        long lastId = 0;
        while (true) {
            long from = lastId;
            List<Object[]> batch = QuarkusTransaction.requiringNew().call(() -> lines(compilationId, from));
            for (Object[] row : batch) {
                out.write(((String) row[1]).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
            out.flush();
            if (batch.size() < BATCH) {
                return;
            }
            lastId = (Long) batch.get(batch.size() - 1)[0];
        }
    }

    private List<Object[]> lines(Long compilationId, long afterId) {
        String where = "deleted = false and id > :after" + (compilationId == null ? "" : " and compilationId = :c");
        Parameters params = Parameters.with("after", afterId);
        if (compilationId != null) {
            params.and("c", compilationId);
        }
        return SpeechEntity.<SpeechEntity>find(where + " order by id", params).page(Page.ofSize(BATCH)).list()
                .stream().map(s -> new Object[] { s.id, mapper.snapshot(s) }).toList();
    }
}
