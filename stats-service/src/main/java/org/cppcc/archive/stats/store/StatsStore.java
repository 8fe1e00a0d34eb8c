package org.cppcc.archive.stats.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.cppcc.archive.stats.config.StatsConfig;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

/**
 * The MongoDB collections and the only code that touches them:
 * <ul>
 * <li>{@code facts}: one document per extracted fact, {@code _id} a stable hash of (speech, sentence, span);</li>
 * <li>{@code speeches}: per speech its metadata, version and counts (for overview and coverage);</li>
 * <li>{@code texts}: per paragraph, heading, lead or outline entry its text (for topic mentions);</li>
 * <li>{@code curations}: admin corrections keyed by fact id, kept across re-extraction;</li>
 * <li>{@code consumer_state}: the feed cursor, written after the facts of each change.</li>
 * </ul>
 * Only features that both MongoDB and the embedded mongo-java-server support are used (see README).
 */
@ApplicationScoped
public class StatsStore {

    public static final Bson FACT_ORDER = Sorts.ascending("speechId", "sectionIndex", "paragraphIndex", "start");

    private final MongoClient client;
    private final StatsConfig config;
    private volatile boolean indexed;
    private final AtomicLong generation = new AtomicLong();

    StatsStore(MongoClient client, StatsConfig config) {
        this.client = client;
        this.config = config;
    }

    /** Increases with every write through this store, so answers computed from it can be kept until the next. */
    public long generation() {
        return generation.get();
    }

    public MongoDatabase db() {
        MongoDatabase db = client.getDatabase(config.mongo().database());
        if (!indexed) {
            createIndexes(db);
        }
        return db;
    }

    public MongoCollection<Document> facts() {
        return db().getCollection("facts");
    }

    public MongoCollection<Document> speeches() {
        return db().getCollection("speeches");
    }

    public MongoCollection<Document> texts() {
        return db().getCollection("texts");
    }

    public MongoCollection<Document> curations() {
        return db().getCollection("curations");
    }

    public MongoCollection<Document> state() {
        return db().getCollection("consumer_state");
    }

    private synchronized void createIndexes(MongoDatabase db) {
        if (indexed) {
            return;
        }
        // One index per query the API makes, for MongoDB proper; the embedded server ignores non-unique indexes
        // (the consumer's per-speech writes go by _id for that reason, see replaceSpeech).
        MongoCollection<Document> facts = db.getCollection("facts");
        facts.createIndex(Indexes.ascending("speechId", "sectionIndex", "paragraphIndex", "start"));
        facts.createIndex(Indexes.ascending("category", "tier", "region"));
        facts.createIndex(Indexes.ascending("region"));
        facts.createIndex(Indexes.ascending("compilationId"));
        db.getCollection("speeches").createIndex(Indexes.ascending("compilationId"));
        db.getCollection("speeches").createIndex(Indexes.ascending("level"));
        db.getCollection("texts").createIndex(Indexes.ascending("speechId", "sectionIndex", "paragraphIndex"));
        db.getCollection("curations").createIndex(Indexes.ascending("speechId"));
        indexed = true;
    }

    /**
     * Replaces everything stored for one speech with {@code facts} and {@code texts} (each with its {@code _id}).
     * The stored speech document lists the ids of what it owns, so the old rows are removed by primary key: the
     * embedded server implements only unique indexes, and a deleteMany on speechId would scan every fact. Rows
     * are upserted before the speech document is written, so replaying the change after a crash in between ends
     * in the same state.
     */
    public void replaceSpeech(Document previous, Document speech, List<Document> facts, List<Document> texts) {
        List<Object> factIds = ids(facts);
        List<Object> textIds = ids(texts);
        removeOwned(previous, "factIds", facts(), factIds);
        removeOwned(previous, "textIds", texts(), textIds);
        upsert(facts(), facts);
        upsert(texts(), texts);
        speeches().replaceOne(eq("_id", speech.get("_id")), speech.append("factIds", factIds).append("textIds", textIds),
                new ReplaceOptions().upsert(true));
        generation.incrementAndGet();
    }

    /** Deletes a speech and what it owns; {@code previous} is its stored document (null: nothing stored). */
    public void deleteSpeech(long speechId, Document previous) {
        removeOwned(previous, "factIds", facts(), List.of());
        removeOwned(previous, "textIds", texts(), List.of());
        speeches().deleteOne(eq("_id", speechId));
        generation.incrementAndGet();
    }

    /** Stores an admin's curation and the fact as it now reads. */
    public void saveCuration(Document curation, Document fact) {
        curations().replaceOne(eq("_id", curation.get("_id")), curation, new ReplaceOptions().upsert(true));
        facts().replaceOne(eq("_id", fact.get("_id")), fact);
        generation.incrementAndGet();
    }

    /** Removes the rows listed under {@code field} of the stored speech document that are not kept. */
    private static void removeOwned(Document previous, String field, MongoCollection<Document> rows, List<Object> kept) {
        if (previous == null) {
            return;
        }
        List<?> owned = previous.get(field, List.class);
        if (owned == null) {
            // written before speeches listed their rows
            rows.deleteMany(eq("speechId", previous.get("_id")));
            return;
        }
        Set<Object> keep = new HashSet<>(kept);
        List<Object> gone = owned.stream().filter(id -> !keep.contains(id)).collect(Collectors.toList());
        if (!gone.isEmpty()) {
            rows.deleteMany(in("_id", gone));
        }
    }

    private static void upsert(MongoCollection<Document> rows, List<Document> documents) {
        if (!documents.isEmpty()) {
            rows.bulkWrite(documents.stream()
                    .map(d -> new ReplaceOneModel<>(eq("_id", d.get("_id")), d, new ReplaceOptions().upsert(true)))
                    .toList(), new BulkWriteOptions().ordered(false));
        }
    }

    private static List<Object> ids(List<Document> documents) {
        return documents.stream().map(d -> d.get("_id")).collect(Collectors.toList());
    }

    /**
     * The number of documents in a collection, from its metadata: countDocuments would read every document,
     * holding the embedded server's lock on the collection, which the consumer's writes wait for.
     */
    public long size(MongoCollection<Document> collection) {
        return collection.estimatedDocumentCount();
    }

    public Optional<Document> speech(long speechId) {
        return Optional.ofNullable(speeches().find(eq("_id", speechId)).first());
    }

    public List<Document> curationsOf(long speechId) {
        return curations().find(eq("speechId", speechId)).into(new ArrayList<>());
    }

    public Document feedState() {
        Document state = state().find(eq("_id", "feed")).first();
        return state == null ? new Document("_id", "feed").append("cursor", 0L).append("head", 0L) : state;
    }

    public void saveFeedState(Document state) {
        state().replaceOne(eq("_id", "feed"), state, new ReplaceOptions().upsert(true));
    }

    /** Drops every collection: for tests and a full rebuild from cursor 0. */
    public void reset() {
        for (String name : List.of("facts", "speeches", "texts", "curations", "consumer_state")) {
            db().getCollection(name).drop();
        }
        indexed = false;
        generation.incrementAndGet();
    }
}
