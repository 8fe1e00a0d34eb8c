package org.cppcc.archive.document.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One speech, current version. Soft-deleted speeches stay (with {@code deleted = true}) so that their history and
 * the change feed keep referring to a real row.
 * <p>
 * Why the body (lead, sections with their paragraphs, outline) is a JSON document in TEXT columns and not child
 * tables: a speech is always read and written as a whole (detail view, export, change-feed snapshot, PUT replaces
 * everything and bumps one version), nothing in this service queries inside paragraphs (search-service and
 * stats-service do that from the feed), and one row per version keeps an update a single-row write instead of a
 * delete-and-reinsert of hundreds of paragraph rows. The JSON is written and read only by {@code SpeechMapper};
 * Jackson writes UTF-8 text unescaped and the columns are TEXT (PostgreSQL text / H2 CLOB), so Chinese text is
 * stored exactly as received.
 */
@Entity
@Table(name = "speech")
public class SpeechEntity extends PanacheEntityBase {

    /** Taken from {@code feed_head} under its lock (see ChangeLog), so that inserts can be batched. */
    @Id
    public Long id;

    @Column(name = "compilation_id", nullable = false)
    public Long compilationId;

    @Column(name = "speech_order", nullable = false)
    public int speechOrder;

    @Column(nullable = false, length = 100)
    public String committee;

    /** A {@link org.cppcc.archive.document.divisions.SpeakerKind} value. */
    @Column(name = "speaker_kind", nullable = false, length = 20)
    public String speakerKind;

    @Column(name = "speaker_name", length = 50)
    public String speakerName;

    @Column(length = 100)
    public String region;

    @Column(name = "region_code", length = 12)
    public String regionCode;

    @Column(name = "region_level", length = 30)
    public String level;

    @Column(name = "parent_region", length = 100)
    public String parentRegion;

    @Column(nullable = false, length = 200)
    public String title;

    /** The header's subtitle line as written (——在全市政协工作推进会上的发言), or null. */
    @Column
    public String subtitle;

    /** The header's date line (the 1st of the month where it names no day), or null. */
    @Column(name = "speech_date")
    public LocalDate date;

    @Column(name = "toc_page")
    public Integer tocPage;

    @Column(name = "body_available", nullable = false)
    public boolean bodyAvailable;

    @Column(nullable = false)
    public boolean truncated;

    /** JSON array of strings. */
    @Column(name = "lead_json", nullable = false)
    public String leadJson;

    /** JSON array of {ordinal, heading, paragraphs: [{id, text}]}; paragraph ids are p-1, p-2… across the speech. */
    @Column(name = "sections_json", nullable = false)
    public String sectionsJson;

    /** JSON array of strings. */
    @Column(name = "outline_json", nullable = false)
    public String outlineJson;

    /** 1 on creation, +1 on every update and on the delete; maintained by SpeechService, not by JPA. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;

    @Column(nullable = false)
    public boolean deleted;
}
