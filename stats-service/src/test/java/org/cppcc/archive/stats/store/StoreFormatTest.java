package org.cppcc.archive.stats.store;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The embedded store's formats, through the real client where they meet it: documents as BSON ({@link
 * BsonDocumentType}) read back exactly, next to documents an earlier version wrote in H2's default type; index keys
 * as bytes ({@link EncodedKeyIndex}) come back as they went in and differ exactly when they differ; and a store
 * written by mongo-java-server's own backend opens with its documents and its uniqueness kept.
 */
class StoreFormatTest {

    @TempDir
    Path dir;

    @Test
    void documentsReadBackExactlyBesideDocumentsOfTheEarlierFormat() {
        String file = dir.resolve("stats.mv.db").toString();
        Document earlier = new Document("_id", "f-earlier").append("text", "全省政协委员 1.2 万人")
                .append("count", 12000L).append("share", 0.45).append("paragraph", 3);
        WireServer.onRows(new H2Backend(MVStore.open(file)), rows -> {
            rows.insertOne(earlier);
            return null;
        });
        Document later = new Document("_id", "f-later").append("text", "市县两级政协\n“委员之家”覆盖 95%")
                .append("count", 7L).append("paragraph", 2).append("at", new Date(1632787200000L))
                .append("touched", List.of(new Document("ids", List.of(1L, 2L)))).append("deleted", null);
        reopen(rows -> rows.insertOne(later));
        assertEquals(earlier, reopen(rows -> rows.find(eq("_id", "f-earlier")).first()));
        assertEquals(later, reopen(rows -> rows.find(eq("_id", "f-later")).first()));
        // the earlier document written again is stored as BSON and still reads the same
        reopen(rows -> rows.replaceOne(eq("_id", "f-earlier"), earlier.append("share", 0.5)));
        assertEquals(earlier, reopen(rows -> rows.find(eq("_id", "f-earlier")).first()));
    }

    @Test
    void everyKindOfKeyComesBackAsItWentIn() {
        de.bwaldvogel.mongo.bson.Document nested = new de.bwaldvogel.mongo.bson.Document("区划", "510000")
                .append("n", 3.0);
        List<KeyValue> keys = List.of(new KeyValue(7.0), new KeyValue(Long.MAX_VALUE), new KeyValue("四川省政协"),
                new KeyValue("\uD83D\uDE00 and a lone \uD800"), new KeyValue(""), new KeyValue(true),
                new KeyValue(false), new KeyValue(Arrays.asList((Object) null)), new KeyValue(nested),
                new KeyValue(List.of("a", 1.0, List.of())), new KeyValue(new ObjectId()), new KeyValue(new Date(0)),
                new KeyValue("speech", 12.0));
        for (KeyValue key : keys) {
            assertEquals(key, EncodedKeyIndex.decode(EncodedKeyIndex.encode(key)), key::toString);
        }
    }

    @Test
    void keysDifferExactlyWhenTheyDiffer() {
        assertNotEquals(bytes(new KeyValue("1")), bytes(new KeyValue(1.0)));
        assertNotEquals(bytes(new KeyValue(1.0)), bytes(new KeyValue(Long.valueOf(1))));
        assertNotEquals(bytes(new KeyValue("a", "b")), bytes(new KeyValue("ab")));
        assertNotEquals(bytes(new KeyValue(List.of("a", "b"))), bytes(new KeyValue(List.of("ab"))));
        assertNotEquals(bytes(new KeyValue(new de.bwaldvogel.mongo.bson.Document("a", 1.0).append("b", 2.0))),
                bytes(new KeyValue(new de.bwaldvogel.mongo.bson.Document("b", 2.0).append("a", 1.0))));
        assertEquals(bytes(new KeyValue("政协", 3.0)), bytes(new KeyValue("政协", 3.0)));
    }

    @Test
    void aStoreWithTheLibrarysIndexMapsKeepsItsUniquenessAndItsDocuments() {
        String file = dir.resolve("stats.mv.db").toString();
        WireServer.onRows(new H2Backend(MVStore.open(file)), rows -> {
            rows.insertOne(new Document("_id", 7L).append("a", 1));
            rows.insertOne(new Document("_id", "政协-1").append("a", 2));
            return null;
        });
        MongoWriteException duplicate = assertThrows(MongoWriteException.class,
                () -> reopen(rows -> rows.insertOne(new Document("_id", 7L))));
        assertEquals(ErrorCategory.DUPLICATE_KEY, duplicate.getError().getCategory());
        assertEquals(2, reopen(rows -> rows.find(eq("_id", "政协-1")).first()).getInteger("a"));
        assertNull(reopen(rows -> rows.find(eq("_id", 8L)).first()));
        MVStore store = MVStore.open(file);
        try {
            assertTrue(store.getMapNames().contains("stats.rows._keys__id_"), store.getMapNames()::toString);
            assertFalse(store.getMapNames().contains("stats.rows._index__id_"), store.getMapNames()::toString);
        } finally {
            store.close();
        }
    }

    private static String bytes(KeyValue key) {
        return Arrays.toString(EncodedKeyIndex.encode(key));
    }

    private <T> T reopen(Function<MongoCollection<Document>, T> work) {
        return WireServer.onRows(new EmbeddedMongo.DurableH2Backend(
                new MVStore.Builder().fileName(dir.resolve("stats.mv.db").toString()).autoCommitDisabled().open()),
                work);
    }
}
