package org.cppcc.archive.document.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row (id 1) whose lock serialises all writers and hands out change-feed cursors, speech ids and audit ids;
 * see ChangeLog.
 */
@Entity
@Table(name = "feed_head")
public class FeedHeadEntity {

    public static final int ID = 1;

    @Id
    public Integer id;

    @Column(name = "last_cursor", nullable = false)
    public long lastCursor;

    @Column(name = "last_speech_id", nullable = false)
    public long lastSpeechId;

    @Column(name = "last_audit_id", nullable = false)
    public long lastAuditId;
}
