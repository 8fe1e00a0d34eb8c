package org.cppcc.archive.document.repository;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of the change feed: the speech as it was at {@code version} (null JSON for deletes). */
@Entity
@Table(name = "change_event")
public class ChangeEventEntity extends PanacheEntityBase {

    @Id
    @Column(name = "feed_cursor")
    public Long cursor;

    /** upsert | delete. */
    @Column(name = "change_type", nullable = false, length = 10)
    public String type;

    @Column(name = "speech_id", nullable = false)
    public Long speechId;

    @Column(nullable = false)
    public long version;

    @Column(name = "committed_at", nullable = false)
    public OffsetDateTime at;

    @Column(name = "speech_json")
    public String speechJson;

    public static List<ChangeEventEntity> after(long cursor, int limit) {
        return find("cursor > ?1 order by cursor", cursor).page(0, limit).list();
    }
}
