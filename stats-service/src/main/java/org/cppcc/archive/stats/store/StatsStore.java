package org.cppcc.archive.stats.store;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.cppcc.archive.stats.config.StatsConfig;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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

    StatsStore(MongoClient client, StatsConfig config) {
        this.client = client;
        this.config = config;
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
        // one index per query the API and the consumer make
        MongoCollection<Document> facts = db.getCollection("facts");
        facts.createIndex(Indexes.ascending("speechId", "sectionIndex", "paragraphIndex", "start"));
        // The embedded Mongo-wire server only uses an index whose keys the query names exactly, so the
        // consumer's replace-by-speech (deleteMany on speechId) needs its own single-key indexes.
        facts.createIndex(Indexes.ascending("speechId"));
        facts.createIndex(Indexes.ascending("category", "tier", "region"));
        facts.createIndex(Indexes.ascending("region"));
        facts.createIndex(Indexes.ascending("compilationId"));
        db.getCollection("speeches").createIndex(Indexes.ascending("compilationId"));
        db.getCollection("speeches").createIndex(Indexes.ascending("level"));
        db.getCollection("texts").createIndex(Indexes.ascending("speechId", "sectionIndex", "paragraphIndex"));
        db.getCollection("texts").createIndex(Indexes.ascending("speechId"));
        db.getCollection("curations").createIndex(Indexes.ascending("speechId"));
        indexed = true;
    }

    /** Replaces everything stored for one speech: facts first, then texts, then the speech document. */
    public void replaceSpeech(long speechId, Document speech, List<Document> facts, List<Document> texts) {
        facts().deleteMany(eq("speechId", speechId));
        if (!facts.isEmpty()) {
            facts().insertMany(facts);
        }
        texts().deleteMany(eq("speechId", speechId));
        if (!texts.isEmpty()) {
            texts().insertMany(texts);
        }
        speeches().replaceOne(eq("_id", speechId), speech, new ReplaceOptions().upsert(true));
    }

    public void deleteSpeech(long speechId) {
        facts().deleteMany(eq("speechId", speechId));
        texts().deleteMany(eq("speechId", speechId));
        speeches().deleteOne(eq("_id", speechId));
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
    }
}
