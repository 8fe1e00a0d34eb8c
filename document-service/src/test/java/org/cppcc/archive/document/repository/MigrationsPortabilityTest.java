package org.cppcc.archive.document.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The Flyway migrations also run on H2 (the embedded run's database), not only on the PostgreSQL of the
 * {@code @QuarkusTest}s; and the feed-head lock statement works there.
 */
class MigrationsPortabilityTest {

    @Test
    void migrationsRunOnH2AndTheFeedHeadCanBeLocked() throws Exception {
        String url = "jdbc:h2:mem:migrations;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            try (ResultSet rs = c.createStatement().executeQuery("SELECT last_cursor FROM feed_head WHERE id = 1 FOR UPDATE")) {
                rs.next();
                assertEquals(0, rs.getLong(1));
            }
            c.createStatement().executeUpdate("INSERT INTO compilation (title, source_sha256, imported_at, imported_by)"
                    + " VALUES ('汇编', 'x', CURRENT_TIMESTAMP, 'system')");
            c.commit();
        }
    }

    /** What ChangeLog relies on, on H2 too: a second writer waits for the lock and then sees the committed cursor. */
    @Test
    void aSecondWriterWaitsForTheFeedHeadLockAndThenSeesTheCommittedCursor() throws Exception {
        String url = "jdbc:h2:mem:lock;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection first = DriverManager.getConnection(url, "sa", "");
                Connection second = DriverManager.getConnection(url, "sa", "")) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            first.createStatement().executeQuery("SELECT last_cursor FROM feed_head WHERE id = 1 FOR UPDATE").close();
            first.createStatement().executeUpdate("UPDATE feed_head SET last_cursor = 1 WHERE id = 1");
            CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> {
                try (ResultSet rs = second.createStatement()
                        .executeQuery("SELECT last_cursor FROM feed_head WHERE id = 1 FOR UPDATE")) {
                    rs.next();
                    return rs.getLong(1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertFalse(waiting.isDone(), "the second writer is blocked while the first holds the lock");
            first.commit();
            assertEquals(1, waiting.get(10, TimeUnit.SECONDS));
            second.commit();
        }
    }
}
