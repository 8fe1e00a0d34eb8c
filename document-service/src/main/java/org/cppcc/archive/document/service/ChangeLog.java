package org.cppcc.archive.document.service;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.cppcc.archive.document.repository.AuditEntryEntity;
import org.cppcc.archive.document.repository.ChangeEventEntity;
import org.cppcc.archive.document.repository.FeedHeadEntity;
import org.cppcc.archive.document.repository.SpeechEntity;

/**
 * Appends to the change feed and the audit trail.
 * <p>
 * <b>Why a consumer following the cursor never misses a change.</b> A naive identity/sequence cursor is handed
 * out when a transaction inserts, not when it commits: T1 takes cursor 7, T2 takes 8 and commits first, a consumer
 * reads 8 and moves its cursor past 7, then T1 commits 7 and it is never seen. Here every write transaction first
 * calls {@link #lock()}, which takes a row lock ({@code SELECT … FOR UPDATE}, JPA PESSIMISTIC_WRITE) on the single
 * {@code feed_head} row, and only then reads/changes speeches and takes cursors from that row. The lock is held
 * until commit or rollback, so write transactions run one after another: the transaction holding cursor N has
 * committed (or rolled back, releasing N unused) before any other transaction can take N+1. Cursors therefore
 * become visible in strictly increasing order and a reader's {@code cursor > after} never skips a later commit.
 * The same lock also makes If-Match checks race-free (the speech is read after the lock) and imports idempotent
 * under concurrency (the SHA-256 lookup happens under the lock). Works the same on PostgreSQL and H2, and for several
 * instances of this service on one database (the lock is the database's); the cost is that writes are serialised,
 * which is fine for an editorial archive (reads never take the lock).
 * <p>
 * The same row hands out the ids of new speeches and audit entries, which are therefore known before their rows
 * are inserted, so an import's rows go to the database in JDBC batches (an identity column's value is only known
 * after its insert, which makes Hibernate insert each such row on its own, at once).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChangeLog {

    public static final String UPSERT = "upsert";
    public static final String DELETE = "delete";

    private final EntityManager em;
    private final Event<ChangeCommitted> committed;

    public ChangeLog(EntityManager em, Event<ChangeCommitted> committed) {
        this.em = em;
        this.committed = committed;
    }

    /** Must be the first thing every write transaction does: blocks until no other writer is active. */
    public FeedHeadEntity lock() {
        FeedHeadEntity head = em.find(FeedHeadEntity.class, FeedHeadEntity.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("feed_head row is missing; the V1 migration inserts it");
        }
        return head;
    }

    /** Records a speech's new version in the feed (snapshot JSON, null for deletes) and in the audit trail. */
    public long append(FeedHeadEntity head, SpeechEntity speech, String type, String snapshotJson, String action,
            String actor, String summary) {
        OffsetDateTime now = speech.updatedAt;
        ChangeEventEntity change = new ChangeEventEntity();
        change.cursor = ++head.lastCursor;
        change.type = type;
        change.speechId = speech.id;
        change.version = speech.version;
        change.at = now;
        change.speechJson = snapshotJson;
        change.persist();

        AuditEntryEntity audit = new AuditEntryEntity();
        audit.id = ++head.lastAuditId;
        audit.speechId = speech.id;
        audit.action = action;
        audit.version = speech.version;
        audit.actor = actor;
        audit.at = now;
        audit.summary = summary.length() > 500 ? summary.substring(0, 499) + "…" : summary;
        audit.persist();

        committed.fire(new ChangeCommitted(change.cursor));
        return change.cursor;
    }
}
