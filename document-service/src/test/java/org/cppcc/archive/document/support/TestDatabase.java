package org.cppcc.archive.document.support;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.cppcc.archive.document.repository.CompilationEntity;

/** Test-only access to the database: empty it before each test, create a bare compilation to hang speeches on. */
@ApplicationScoped
public class TestDatabase {

    private final EntityManager em;

    public TestDatabase(EntityManager em) {
        this.em = em;
    }

    /** Deletes all compilations, speeches, audit and change rows (the feed head keeps counting up). */
    @Transactional
    public void clean() {
        for (String table : new String[] { "change_event", "audit_entry", "speech", "compilation" }) {
            em.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
    }

    @Transactional
    public long compilation(String title) {
        return compilation(title, "四川省", "510000");
    }

    /** A bare compilation of the given province (name and GB/T 2260 code). */
    @Transactional
    public long compilation(String title, String province, String provinceCode) {
        CompilationEntity c = new CompilationEntity();
        c.title = title;
        c.province = province;
        c.provinceCode = provinceCode;
        c.sourceSha256 = UUID.randomUUID().toString().replace("-", "") + "00000000000000000000000000000000";
        c.importedAt = OffsetDateTime.now();
        c.importedBy = "test";
        c.persist();
        return c.id;
    }

    @Transactional
    public long count(String table) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue();
    }

    /** The highest cursor handed out so far. */
    @Transactional
    public long feedHead() {
        return ((Number) em.createNativeQuery("SELECT last_cursor FROM feed_head").getSingleResult()).longValue();
    }
}
