package org.cppcc.archive.stats.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.cppcc.archive.stats.config.StatsConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.quarkus.mongodb.runtime.MongoClientCustomizer;

/**
 * The embedded default: when no {@code quarkus.mongodb.connection-string} is configured, the Quarkus MongoDB
 * client is pointed at a MongoDB-wire server (mongo-java-server, H2 backend) that this bean starts on
 * 127.0.0.1 the moment the client is created, keeping its data in {@code <stats.data-dir>/stats.mv.db}.
 * With a connection string (production: {@code STATS_MONGODB_URI}) nothing is started.
 * <p>
 * <b>Durability.</b> mongo-java-server's H2 backend keeps each collection and index in a plain MVStore map (no
 * transactions, no log) and leaves persistence to the MVStore's auto-commit: a background thread writes the maps
 * to the file about once a second, never fsyncs, and may write them in the middle of an operation (a document in
 * its collection map but not yet in its index map). So a SIGKILL lost the last second of acknowledged writes and
 * could leave a half-applied one on disk. Here the store is opened with auto-commit off (no background writer,
 * no commit triggered by unsaved memory) and {@link DurableH2Backend} commits and fsyncs the MVStore after every
 * write command, before its answer leaves the server, with write commands run one at a time: what is on disk is
 * always the state after some whole command, and every acknowledged write (facts, curations, the feed cursor) is
 * on the device. A compaction runs now and then in place of the background writer's, under the same lock.
 */
@Singleton
public class EmbeddedMongo implements MongoClientCustomizer {

    private static final Logger LOG = Logger.getLogger(EmbeddedMongo.class);

    private final StatsConfig config;
    private final Optional<String> connectionString;
    private MongoServer server;
    private H2Backend backend;

    EmbeddedMongo(StatsConfig config,
            @ConfigProperty(name = "quarkus.mongodb.connection-string") Optional<String> connectionString) {
        this.config = config;
        this.connectionString = connectionString.filter(s -> !s.isBlank());
    }

    @Override
    public MongoClientSettings.Builder customize(MongoClientSettings.Builder builder) {
        if (connectionString.isPresent()) {
            return builder;
        }
        InetSocketAddress address = start();
        return builder.applyToClusterSettings(cluster -> cluster
                .hosts(List.of(new ServerAddress(address.getHostString(), address.getPort()))));
    }

    /** Starts the embedded server once and answers where it listens. */
    public synchronized InetSocketAddress start() {
        if (server == null) {
            if (config.mongo().embeddedPersistent()) {
                Path dir = Path.of(config.dataDir());
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create the data directory " + dir.toAbsolutePath(), e);
                }
                backend = new DurableH2Backend(new MVStore.Builder().fileName(dir.resolve("stats.mv.db").toString())
                        .cacheSize(config.mongo().embeddedCacheMb())
                        .autoCommitDisabled().autoCommitBufferSize(0).open());
            } else {
                backend = H2Backend.inMemory();
            }
            server = new MongoServer(backend);
            server.bind("127.0.0.1", config.mongo().embeddedPort());
            LOG.infof("Embedded MongoDB-wire server on %s (%s)", server.getLocalAddress(),
                    backend.isInMemory() ? "in memory" : Path.of(config.dataDir()).toAbsolutePath());
        }
        return server.getLocalAddress();
    }

    public boolean embedded() {
        return connectionString.isEmpty();
    }

    @PreDestroy
    synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }

    /**
     * An H2 backend whose every write command is committed to the file and forced to the device before it is
     * answered. Write commands (anything not known to be a read) run one at a time under {@link #writes}, so a
     * commit never catches another write half done; reads run concurrently as before and never commit.
     */
    static final class DurableH2Backend extends H2Backend {

        /** Commands that only read (lower case; mongo-java-server compares command names ignoring case). */
        private static final Set<String> READS = Set.of("find", "getmore", "killcursors", "count", "distinct",
                "aggregate", "listcollections", "listindexes", "listdatabases", "dbstats", "collstats", "validate",
                "ping", "ismaster", "hello", "buildinfo", "whatsmyuri", "serverstatus", "getlasterror", "reseterror",
                "getlog", "replsetgetstatus", "endsessions", "getparameter", "getcmdlineopts", "hostinfo",
                "connectionstatus", "saslstart", "saslcontinue");
        private static final long COMPACT_EVERY_SECONDS = 60;
        private static final int COMPACT_TARGET_FILL_RATE = 50;
        private static final int COMPACT_WRITE_LIMIT = 16 * 1024 * 1024;

        private final MVStore store;
        private final ReentrantLock writes = new ReentrantLock();
        private final ScheduledExecutorService compactor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stats-store-compactor");
            t.setDaemon(true);
            return t;
        });

        DurableH2Backend(MVStore store) {
            super(store);
            this.store = store;
            compactor.scheduleWithFixedDelay(this::compact, COMPACT_EVERY_SECONDS, COMPACT_EVERY_SECONDS,
                    TimeUnit.SECONDS);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if (isRead(command, query)) {
                Document answer = super.handleCommand(channel, database, command, query);
                if (store.hasUnsavedChanges()) {
                    // a read that created something, e.g. the metadata of a database it opened first
                    persistUnderLock();
                }
                return answer;
            }
            writes.lock();
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                // also after a failed command: what it did change is visible to reads and must match the file
                persist();
                writes.unlock();
            }
        }

        @Override
        public void dropDatabase(String database) {
            writes.lock();
            try {
                super.dropDatabase(database);
            } finally {
                persist();
                writes.unlock();
            }
        }

        @Override
        public void close() {
            compactor.shutdownNow();
            writes.lock();
            try {
                super.close();
            } finally {
                writes.unlock();
            }
        }

        private static boolean isRead(String command, Document query) {
            String name = command.toLowerCase(Locale.ROOT);
            if (!READS.contains(name)) {
                return false;
            }
            if (name.equals("aggregate") && query.get("pipeline") instanceof List<?> stages) {
                // $out and $merge write a collection
                return stages.stream().noneMatch(stage -> stage instanceof Document d
                        && (d.containsKey("$out") || d.containsKey("$merge")));
            }
            return true;
        }

        private void persistUnderLock() {
            writes.lock();
            try {
                persist();
            } finally {
                writes.unlock();
            }
        }

        /** Writes every change to the file (one MVStore commit) and forces the file to the device. */
        private void persist() {
            if (store.isClosed() || !store.hasUnsavedChanges()) {
                return;
            }
            store.commit();
            store.sync();
        }

        private void compact() {
            writes.lock();
            try {
                if (!store.isClosed() && store.compact(COMPACT_TARGET_FILL_RATE, COMPACT_WRITE_LIMIT)) {
                    persist();
                }
            } catch (RuntimeException e) {
                LOG.warn("Compacting the embedded store failed; trying again later", e);
            } finally {
                writes.unlock();
            }
        }
    }
}
