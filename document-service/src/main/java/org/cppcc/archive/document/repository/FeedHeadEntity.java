package org.cppcc.archive.document.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row (id 1) whose lock serialises all writers and hands out change-feed cursors; see ChangeLog. */
@Entity
@Table(name = "feed_head")
public class FeedHeadEntity {

    public static final int ID = 1;

    @Id
    public Integer id;

    @Column(name = "last_cursor", nullable = false)
    public long lastCursor;
}
