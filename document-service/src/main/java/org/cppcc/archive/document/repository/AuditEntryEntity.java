package org.cppcc.archive.document.repository;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Who did what to which speech version, and when. Written in the same transaction as the change itself. */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity extends PanacheEntityBase {

    /** Taken from {@code feed_head} under its lock (see ChangeLog), so that inserts can be batched. */
    @Id
    public Long id;

    @Column(name = "speech_id", nullable = false)
    public Long speechId;

    /** create | update | delete. */
    @Column(nullable = false, length = 20)
    public String action;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false, length = 500)
    public String summary;

    public static List<AuditEntryEntity> ofSpeech(long speechId) {
        return list("speechId = ?1 order by id", speechId);
    }
}
