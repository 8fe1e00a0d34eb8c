package org.cppcc.archive.document.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One imported compilation (汇编). Identified for idempotent imports by the SHA-256 of its source bytes. */
@Entity
@Table(name = "compilation")
public class CompilationEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The cover title; null when the source has none (the parse report warns about it). */
    @Column(length = 200)
    public String title;

    @Column(length = 200)
    public String subtitle;

    @Column(length = 200)
    public String meeting;

    @Column(name = "meeting_date")
    public LocalDate date;

    @Column(length = 50)
    public String province;

    /** GB/T 2260 code of {@code province}, inferred from the speakers; null when none resolved. */
    @Column(name = "province_code", length = 12)
    public String provinceCode;

    /** The parse report's coverage (0–1); null for compilations imported before reports were kept. */
    @Column
    public Double coverage;

    /** JSON array of the paragraphs of its preface or editor's note (前言, 编者按); written and read by CompilationMapper. */
    @Column(name = "preface_json", nullable = false)
    public String prefaceJson = "[]";

    /** JSON array of the parse warnings, {line, message}; written and read only by CompilationMapper. */
    @Column(name = "warnings_json", nullable = false)
    public String warningsJson = "[]";

    /** JSON array of the text the parser could not place, {fromLine, toLine, text}. */
    @Column(name = "unplaced_json", nullable = false)
    public String unplacedJson = "[]";

    @Column(name = "source_sha256", nullable = false, length = 64, unique = true)
    public String sourceSha256;

    @Column(name = "imported_at", nullable = false)
    public OffsetDateTime importedAt;

    @Column(name = "imported_by", nullable = false, length = 100)
    public String importedBy;

    public static Optional<CompilationEntity> findBySha256(String sha256) {
        return find("sourceSha256", sha256).firstResultOptional();
    }
}
