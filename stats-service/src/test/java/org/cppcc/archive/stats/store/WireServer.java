package org.cppcc.archive.stats.store;

import java.util.function.Function;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** A Mongo-wire server on a backend under test, reached by the real client over TCP, as the service reaches it. */
final class WireServer {

    private WireServer() {
    }

    /** Runs {@code work} on collection {@code stats.rows} of a server on {@code backend}, then shuts it down. */
    static <T> T onRows(H2Backend backend, Function<MongoCollection<Document>, T> work) {
        return onDatabase(backend, database -> work.apply(database.getCollection("rows")));
    }

    /** Runs {@code work} on database {@code stats} of a server on {@code backend}, then shuts it down. */
    static <T> T onDatabase(H2Backend backend, Function<MongoDatabase, T> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + address(server))) {
            return work.apply(client.getDatabase("stats"));
        } finally {
            server.shutdown();
        }
    }

    /** Binds {@code server} to a free port of 127.0.0.1: its host:port. */
    static String address(MongoServer server) {
        server.bind("127.0.0.1", 0);
        return server.getLocalAddress().getHostString() + ":" + server.getLocalAddress().getPort();
    }
}
