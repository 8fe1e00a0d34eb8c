package org.cppcc.archive.stats.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;

/**
 * What the embedded store keeps when its process dies without closing it ({@link MVStore#closeImmediately}: nothing
 * more is written, as after a SIGKILL), through the real client: a journaled write as soon as it is answered, an
 * unjournaled one once the next commit has run; a document changed in place, as it was changed.
 */
class DurableStoreTest {

    @TempDir
    Path dir;

    @Test
    void aJournaledWriteIsOnDiskWhenItIsAnswered() {
        crashAfter(rows -> rows.insertOne(new Document("_id", "curation-1").append("value", "改为 30 个")));
        assertEquals("改为 30 个", reopen(rows -> rows.find(eq("_id", "curation-1")).first()).getString("value"));
    }

    @Test
    void anUnjournaledWriteIsOnDiskOnceTheNextCommitHasRun() {
        MVStore store = crashAfter(rows -> {
            MongoCollection<Document> replayable = rows.withWriteConcern(WriteConcern.W1.withJournal(false));
            for (long i = 1; i <= 200; i++) {
                replayable.insertOne(new Document("_id", i).append("text", "第" + i + "段"));
            }
        }, true);
        assertFalse(store.hasUnsavedChanges());
        assertEquals(200L, (long) reopen(MongoCollection::countDocuments));
        assertEquals("第200段", reopen(rows -> rows.find(eq("_id", 200L)).first()).getString("text"));
    }

    /**
     * The server changes a stored document in place (an update, a replace): it is written with its change, not as the
     * BSON the store kept from writing it, or from reading it after a restart.
     */
    @Test
    void aDocumentChangedInPlaceIsWrittenAsChanged() {
        crashAfter(rows -> {
            for (long i = 1; i <= 50; i++) {
                rows.insertOne(new Document("_id", i).append("text", "第" + i + "段").append("version", 1));
            }
            rows.updateMany(lte("_id", 25L), Updates.set("version", 2));
        });
        crashAfter(rows -> {
            assertEquals(50, rows.find().into(new ArrayList<>()).size());
            rows.replaceOne(eq("_id", 50L), new Document("_id", 50L).append("text", "改写").append("version", 3));
            rows.updateOne(eq("_id", 1L), Updates.inc("version", 2));
        });
        List<String> stored = reopen(rows -> rows.find().map(d -> d.get("_id") + ":" + d.getInteger("version") + ":"
                + d.getString("text")).into(new ArrayList<>()));
        List<String> expected = new ArrayList<>();
        for (long i = 1; i <= 50; i++) {
            int version = i == 1 ? 4 : i <= 25 ? 2 : i == 50 ? 3 : 1;
            expected.add(i + ":" + version + ":" + (i == 50 ? "改写" : "第" + i + "段"));
        }
        assertEquals(expected, stored);
    }

    private MVStore crashAfter(java.util.function.Consumer<MongoCollection<Document>> writes) {
        return crashAfter(writes, false);
    }

    /** Runs {@code writes}, optionally waits for the next commit of unjournaled ones, and stops as a kill would. */
    private MVStore crashAfter(java.util.function.Consumer<MongoCollection<Document>> writes, boolean awaitCommit) {
        MVStore store = open();
        MongoServer server = new MongoServer(new EmbeddedMongo.DurableH2Backend(store));
        try (MongoClient client = MongoClients.create("mongodb://" + WireServer.address(server))) {
            writes.accept(client.getDatabase("stats").getCollection("rows"));
            for (int i = 0; awaitCommit && store.hasUnsavedChanges() && i < 500; i++) {
                sleep();
            }
            store.closeImmediately();
        } finally {
            server.shutdownNow();
        }
        return store;
    }

    private <T> T reopen(Function<MongoCollection<Document>, T> read) {
        return WireServer.onRows(new EmbeddedMongo.DurableH2Backend(open()), read);
    }

    private MVStore open() {
        return new MVStore.Builder().fileName(dir.resolve("stats.mv.db").toString()).autoCommitDisabled()
                .autoCommitBufferSize(0).open();
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
