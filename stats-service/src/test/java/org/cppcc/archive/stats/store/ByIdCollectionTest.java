package org.cppcc.archive.stats.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The embedded server's collections answer a query that ands {@code _id} with other conditions (the consumer's fenced
 * and revision-checked writes) exactly as a full scan does, through the real client; and a store written by
 * mongo-java-server's own H2 backend opens with its documents.
 */
class ByIdCollectionTest {

    @TempDir
    Path dir;

    @Test
    void conditionalWritesByIdDecideAsAFullScanDoes() {
        WireServer.onRows(new EmbeddedMongo.ByIdH2Backend(MVStore.open(null)), rows -> {
            for (int i = 1; i <= 5; i++) {
                rows.insertOne(new Document("_id", "f" + i).append("epoch", (long) i).append("revision", 1L));
            }
            ReplaceOptions upsert = new ReplaceOptions().upsert(true);
            // the stored row's epoch (4) is newer than the writer's (3): no match, and the upsert collides on _id
            assertThrows(MongoWriteException.class, () -> rows.replaceOne(
                    and(eq("_id", "f4"), or(eq("epoch", null), lte("epoch", 3L))), new Document("epoch", 3L), upsert));
            assertEquals(1, rows.replaceOne(and(eq("_id", "f2"), or(eq("epoch", null), lte("epoch", 3L))),
                    new Document("epoch", 3L).append("revision", 2L), upsert).getMatchedCount());
            assertEquals(0, rows.replaceOne(and(eq("_id", "f2"), eq("revision", 1L)), new Document("x", 1))
                    .getMatchedCount());
            assertEquals(2, rows.deleteMany(and(in("_id", List.of("f1", "f3", "f5", "f9")), lte("epoch", 3L)))
                    .getDeletedCount());
            assertEquals(List.of("f2", "f4", "f5"), ids(rows.find()));
            assertEquals(List.of("f4"), ids(rows.find(and(in("_id", List.of("f2", "f4")), eq("epoch", 4L)))));
            assertEquals(List.of(), ids(rows.find(and(eq("_id", "f2"), eq("epoch", 4L)))));
            return null;
        });
    }

    /** collStats' size is the sum of the stored documents' BSON, after inserts, changes in place and deletes. */
    @Test
    void theDataSizeIsThatOfTheStoredDocuments() {
        WireServer.onDatabase(new EmbeddedMongo.ByIdH2Backend(MVStore.open(null)), database -> {
            MongoCollection<Document> rows = database.getCollection("rows");
            for (int i = 1; i <= 20; i++) {
                rows.insertOne(new Document("_id", "t" + i).append("text", "第" + i + "段：平台" + i + "个"));
            }
            rows.updateOne(eq("_id", "t1"), Updates.set("text", "改为更长的一段文字"));
            rows.replaceOne(eq("_id", "t2"), new Document("short", 1));
            rows.deleteMany(in("_id", List.of("t3", "t4")));
            int expected = 0;
            for (Document row : rows.find()) {
                expected += new RawBsonDocument(row, new DocumentCodec()).getByteBuffer().remaining();
            }
            assertEquals(expected, database.runCommand(new Document("collStats", "rows")).get("size", Number.class)
                    .intValue());
            return null;
        });
    }

    @Test
    void aStoreWrittenByTheLibrarysBackendOpensWithItsDocuments() {
        String file = dir.resolve("stats.mv.db").toString();
        WireServer.onRows(new H2Backend(MVStore.open(file)),
                rows -> rows.insertOne(new Document("_id", 7L).append("a", 1)));
        Document read = WireServer.onRows(
                new EmbeddedMongo.DurableH2Backend(new MVStore.Builder().fileName(file).open()),
                rows -> rows.find(and(eq("_id", 7L), eq("a", 1))).first());
        assertEquals(new Document("_id", 7L).append("a", 1), read);
        assertNull(WireServer.onRows(new EmbeddedMongo.DurableH2Backend(new MVStore.Builder().fileName(file).open()),
                rows -> rows.find(and(eq("_id", 7L), eq("a", 2))).first()));
    }

    private static List<String> ids(Iterable<Document> documents) {
        List<String> out = new ArrayList<>();
        documents.forEach(d -> out.add(d.getString("_id")));
        out.sort(null);
        return out;
    }
}
