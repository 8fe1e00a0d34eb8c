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
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
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
 * journaled write command (MongoDB's {@code j}, the client's default: curations, the lease), before its answer
 * leaves the server, with write commands run one at a time: what is on disk is always the state after some whole
 * command, and every acknowledged journaled write is on the device. The feed consumer writes what it can replay from
 * the change feed (facts, texts, its cursor) unjournaled: those commands are committed together at most
 * {@value DurableH2Backend#REPLAYABLE_COMMIT_MILLIS} ms later (or by the next journaled one), so a SIGKILL loses at
 * most that much of them, which the consumer applies again from the cursor on disk. A commit per command rewrote
 * the touched pages of every map five times per speech (issue 13). A compaction runs now and then in place of the
 * background writer's, under the same lock.
 * <p>
 * <b>Conditional writes by id.</b> mongo-java-server uses an index only for a query on exactly the index's fields:
 * {@code {_id: x}} goes through the {@code _id} index, {@code {$and: [{_id: x}, {epoch: …}]}} reads the whole
 * collection. Every write of the feed consumer is such a conditional write (fenced by epoch, or at a revision), so
 * each row upserted read every fact or text stored, and extraction slowed with the store's size (issue 13: about 10
 * speeches/s at 20,000 speeches). The embedded server's collections ({@link ByIdCollection}) therefore narrow a
 * query that ands an {@code _id} condition with others to the documents of those ids, then match the whole query on
 * them: the same answer, read by primary key.
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
                backend = new ByIdH2Backend(MVStore.open(null));
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
     * An H2 backend whose collections are {@link ByIdCollection}s of {@link BsonDocumentType} documents, on the maps
     * H2Database names them by, and whose unique indexes are {@link EncodedKeyIndex}es. A store written by
     * mongo-java-server's own backend opens in this one (its documents read as they are, its index maps rebuilt).
     */
    static class ByIdH2Backend extends H2Backend {

        ByIdH2Backend(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            // called by H2Backend's constructor for the stored databases, so nothing of this class's own is used
            return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
                @Override
                protected de.bwaldvogel.mongo.MongoCollection<Object> openOrCreateCollection(String collectionName,
                        CollectionOptions options) {
                    String name = getFullCollectionNamespace(collectionName);
                    MVMap<Object, Document> data = getMvStore().openMap("databases." + name,
                            new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
                    MVMap<String, Object> meta = getMvStore().openMap("meta." + name);
                    return new ByIdCollection(this, collectionName, options, data, meta, cursorRegistry);
                }

                @Override
                protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                        List<IndexKey> keys, boolean sparse) {
                    return EncodedKeyIndex.open(getMvStore(), getFullCollectionNamespace(collectionName), indexName,
                            keys, sparse);
                }

                @Override
                protected void dropIndex(de.bwaldvogel.mongo.MongoCollection<Object> collection, String indexName) {
                    super.dropIndex(collection, indexName);
                    getMvStore().removeMap(EncodedKeyIndex.mapName(
                            getFullCollectionNamespace(collection.getCollectionName()), indexName));
                }
            };
        }
    }

    /**
     * An H2 backend whose every write command is committed to the file and forced to the device before it is
     * answered. Write commands (anything not known to be a read) run one at a time under {@link #writes}, so a
     * commit never catches another write half done; reads run concurrently as before and never commit.
     */
    static final class DurableH2Backend extends ByIdH2Backend {

        /** Commands that only read (lower case; mongo-java-server compares command names ignoring case). */
        private static final Set<String> READS = Set.of("find", "getmore", "killcursors", "count", "distinct",
                "aggregate", "listcollections", "listindexes", "listdatabases", "dbstats", "collstats", "validate",
                "ping", "ismaster", "hello", "buildinfo", "whatsmyuri", "serverstatus", "getlasterror", "reseterror",
                "getlog", "replsetgetstatus", "endsessions", "getparameter", "getcmdlineopts", "hostinfo",
                "connectionstatus", "saslstart", "saslcontinue");
        static final long REPLAYABLE_COMMIT_MILLIS = 1000;
        private static final long COMPACT_EVERY_SECONDS = 60;
        private static final int COMPACT_TARGET_FILL_RATE = 50;
        private static final int COMPACT_WRITE_LIMIT = 16 * 1024 * 1024;

        private final MVStore store;
        private final ReentrantLock writes = new ReentrantLock();
        private final ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stats-store-maintenance");
            t.setDaemon(true);
            return t;
        });

        DurableH2Backend(MVStore store) {
            super(store);
            this.store = store;
            // what opening changed (an index map rebuilt in the encoding of this version) is on disk before any command
            persist();
            maintenance.scheduleWithFixedDelay(this::commitReplayable, REPLAYABLE_COMMIT_MILLIS,
                    REPLAYABLE_COMMIT_MILLIS, TimeUnit.MILLISECONDS);
            maintenance.scheduleWithFixedDelay(this::compact, COMPACT_EVERY_SECONDS, COMPACT_EVERY_SECONDS,
                    TimeUnit.SECONDS);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if (isRead(command, query)) {
                // what a read may create (the metadata of a database it opened first) goes with the next commit
                return super.handleCommand(channel, database, command, query);
            }
            writes.lock();
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                // a journaled command also after it failed: what it did change is visible to reads and must match
                // the file (an unjournaled one's goes with the next commit)
                if (journaled(query)) {
                    persist();
                }
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
            maintenance.shutdownNow();
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

        /** Writes every change to the file (one MVStore commit) and forces the file to the device. */
        private void persist() {
            if (!store.isClosed() && store.hasUnsavedChanges()) {
                store.commit();
                store.sync();
            }
        }

        /**
         * Commits the unjournaled commands since the last commit: on the file, so they survive a SIGKILL, without
         * waiting for the device.
         */
        private void commitReplayable() {
            writes.lock();
            try {
                if (!store.isClosed() && store.hasUnsavedChanges()) {
                    store.commit();
                }
            } catch (RuntimeException e) {
                LOG.warn("Committing the embedded store failed; trying again shortly", e);
            } finally {
                writes.unlock();
            }
        }

        /** Whether the client asked for a journaled write (MongoDB's {@code j}; the client's default is yes). */
        private static boolean journaled(Document command) {
            return !(command.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j")));
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

    /**
     * An H2 collection that reads a query anding an {@code _id} condition with others through the _id index, tells
     * {@link BsonDocumentType} when the server changed one of its documents in place, and sums its data size when
     * asked instead of keeping it.
     */
    static final class ByIdCollection extends H2Collection {

        ByIdCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            Document byId = idCondition(query);
            if (byId != null) {
                for (Index<Object> index : getIndexes()) {
                    if (index.canHandle(byId)) {
                        // the candidates by id, then the whole query on each of them
                        return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit,
                                batchSize, fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /**
         * The library keeps a collection's data size, for {@code collStats} alone (which nothing here asks for), by
         * encoding every document it adds or removes and both versions of one it changes: a tenth of the server's
         * work on the feed consumer's writes. It is summed when asked instead ({@link #getDataSize}).
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected int getDataSize() {
            return streamAllDocumentsWithPosition().mapToInt(d -> BsonDocumentType.INSTANCE.size(d.getDocument()))
                    .sum();
        }

        /** The server changed {@code newDocument}, the stored one, in place and now stores it again. */
        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            BsonDocumentType.INSTANCE.changed(newDocument);
            super.handleUpdate(position, oldDocument, newDocument);
        }

        /**
         * {@code {_id: …}} when {@code query} requires it besides other conditions ({@code {_id: x, f: y}} or
         * {@code {$and: [{_id: x}, …]}}); null otherwise, also for a query on {@code _id} alone (the index takes that
         * one as it is).
         */
        static Document idCondition(Document query) {
            if (query.size() > 1 && query.containsKey("_id")) {
                return new Document("_id", query.get("_id"));
            }
            if (query.size() == 1 && query.get("$and") instanceof List<?> terms) {
                for (Object term : terms) {
                    if (term instanceof Document d && d.size() == 1 && d.containsKey("_id")) {
                        return d;
                    }
                }
            }
            return null;
        }
    }
}
