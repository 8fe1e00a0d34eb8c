package org.cppcc.archive.document.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Makes every acknowledged write of the embedded H2 store survive a power cut, not only a crash of the process.
 * <p>
 * <b>What H2 2.x does by itself.</b> A commit changes the MVStore in memory; the store writes a new chunk to its
 * file at most {@code WRITE_DELAY} ms later (default 500) from a background thread, so a SIGKILL loses the last
 * half second of acknowledged commits. With {@code WRITE_DELAY=0} the committing thread writes the chunk itself,
 * but with a plain {@code write(2)}: H2 calls {@code FileChannel.force} only when it closes, compacts or on
 * {@code CHECKPOINT SYNC} (MVStore {@code FileStore.sync()}; H2's "Durability Problems" page:
 * "To change the behavior, use SET WRITE_DELAY and CHECKPOINT SYNC"). There is no setting that forces per commit.
 * <p>
 * <b>What this does.</b> Every write transaction of this service appends to the change feed (see
 * {@code ChangeLog}), which fires {@link ChangeCommitted} inside the transaction. The first such event of a
 * transaction registers a synchronization whose {@code afterCompletion} (run by the committing thread, after the
 * commit and before {@code @Transactional} returns, so before any answer is written) executes
 * {@code CHECKPOINT SYNC}: H2 stores every pending change (the MVStore commit) and forces the file to the device.
 * A transaction that rolled back syncs nothing. Writers are serialised by the feed lock anyway, so this costs one
 * fsync per write transaction; the background writer (and with it H2's online compaction) keeps running.
 * <p>
 * Should the sync fail, the write cannot be called durable, but the transaction has already committed: the
 * process halts (as PostgreSQL PANICs on a failed fsync), so the client sees a dropped connection, never a 2xx,
 * and H2 recovers from its file on the next start. On PostgreSQL nothing is done here: its commit returns after
 * the WAL record is flushed ({@code synchronous_commit=on}, the shipped default).
 */
@ApplicationScoped
public class DurableCommits {

    private static final Logger LOG = Logger.getLogger(DurableCommits.class);
    private static final Object KEY = new Object();

    private final TransactionSynchronizationRegistry registry;
    private final DataSource dataSource;
    private final boolean h2;
    /**
     * A connection of the pool kept for the syncs alone, taken at start: a sync must never wait for a connection
     * (32 busy clients exhausted the pool, the wait timed out, and the service halted although its disk was fine).
     */
    private Connection syncs;

    DurableCommits(TransactionSynchronizationRegistry registry, DataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.h2 = "h2".equalsIgnoreCase(dbKind);
    }

    /** Takes the connection before any load comes (the seed's import may sync before this runs: then it has). */
    synchronized void onStart(@Observes StartupEvent event) throws SQLException {
        if (h2) {
            syncConnection();
        }
    }

    private Connection syncConnection() throws SQLException {
        if (syncs == null) {
            // at start or in afterCompletion: outside any transaction, so the pool hands out a connection of its own
            syncs = dataSource.getConnection();
        }
        return syncs;
    }

    synchronized void onStop(@Observes ShutdownEvent event) throws SQLException {
        if (syncs != null) {
            syncs.close();
            syncs = null;
        }
    }

    /** Observed when fired, i.e. inside the writing transaction. */
    void onChange(@Observes ChangeCommitted event) {
        if (!h2 || registry.getResource(KEY) != null) {
            return;
        }
        registry.putResource(KEY, Boolean.TRUE);
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    sync();
                }
            }
        });
    }

    /**
     * Writes every committed change to the file and forces the file to the device. One at a time on the kept
     * connection: commits of other writers in between are forced by the same sync.
     */
    synchronized void sync() {
        try (Statement statement = syncConnection().createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException | RuntimeException e) {
            LOG.fatal("CHECKPOINT SYNC (or the connection for it) failed after a commit: the write is not durable;"
                    + " halting so that it is not acknowledged", e);
            Runtime.getRuntime().halt(70);
        }
    }
}
