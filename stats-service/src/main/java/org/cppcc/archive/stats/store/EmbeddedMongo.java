package org.cppcc.archive.stats.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
import io.quarkus.mongodb.runtime.MongoClientCustomizer;

/**
 * The embedded default: when no {@code quarkus.mongodb.connection-string} is configured, the Quarkus MongoDB
 * client is pointed at a MongoDB-wire server (mongo-java-server, H2 backend) that this bean starts on
 * 127.0.0.1 the moment the client is created, keeping its data in {@code <stats.data-dir>/stats.mv.db}.
 * With a connection string (production: {@code STATS_MONGODB_URI}) nothing is started.
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
                backend = new H2Backend(new MVStore.Builder().fileName(dir.resolve("stats.mv.db").toString())
                        .cacheSize(config.mongo().embeddedCacheMb()).open());
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
}
