package org.cppcc.archive.document.api;

import java.time.OffsetDateTime;

/** One line of a speech's history: {@code action} is create, update or delete. */
public record AuditEntry(long id, long speechId, String action, long version, String actor, OffsetDateTime at,
        String summary) {
}
