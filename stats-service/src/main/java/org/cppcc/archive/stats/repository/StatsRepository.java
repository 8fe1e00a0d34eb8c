package org.cppcc.archive.stats.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.cppcc.archive.stats.api.Fact;
import org.cppcc.archive.stats.api.Scope;
import org.cppcc.archive.stats.api.SpeakerKind;
import org.cppcc.archive.stats.config.StatsConfig;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * The MongoDB collections and the only code that touches them:
 * <ul>
 * <li>{@code facts}: one document per extracted fact, {@code _id} a stable hash of (speech, sentence, span);</li>
 * <li>{@code speeches}: per speech its metadata, version, counts and figures ({@link SpeechFigures}: what every
 * aggregate folds);</li>
 * <li>{@code texts}: per paragraph, heading, lead or outline entry its text (for topic mentions);</li>
 * <li>{@code curations}: admin corrections keyed by fact id, kept across re-extraction;</li>
 * <li>{@code consumer_state}: the feed cursor, written after the facts of each change.</li>
 * </ul>
 * Only features that both MongoDB and the embedded mongo-java-server support are used (see README).
 */
@ApplicationScoped
public class StatsRepository {

    /**
     * For what the feed consumer writes: facts, texts and speeches derived from the change feed, and the cursor.
     * Acknowledged, but not waited for on the journal: after a power cut the store may hold an older cursor, and the
     * changes after it are applied again, idempotently. An admin's curation keeps the journaled default.
     */
    private static final WriteConcern REPLAYABLE = WriteConcern.W1.withJournal(false);
    private static final Bson FACT_ORDER = Sorts.ascending("speechId", "sectionIndex", "paragraphIndex", "start");
    /** {@link #FACT_ORDER} in Java, for facts read by id. */
    public static final Comparator<Fact> PROVENANCE = Comparator.comparingLong(Fact::speechId)
            .thenComparingInt(Fact::sectionIndex).thenComparingInt(Fact::paragraphIndex).thenComparingInt(Fact::start);
    private static final List<String> COLLECTIONS = List.of("facts", "speeches", "texts", "curations",
            "consumer_state");

    /** The cursor of the last change applied, and when it was applied (null before the first). */
    public record FeedPosition(long cursor, Instant appliedAt) {
    }

    private final MongoClient client;
    private final StatsConfig config;
    private volatile boolean indexed;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong epoch = new AtomicLong();

    StatsRepository(MongoClient client, StatsConfig config) {
        this.client = client;
        this.config = config;
    }

    /** Increases with every write through this repository, so answers computed from it can be kept until the next. */
    public long generation() {
        return generation.get();
    }

    /** Increases with every {@link #reset}: what was read of the store before it is gone. */
    public long epoch() {
        return epoch.get();
    }

    private MongoDatabase db() {
        MongoDatabase db = client.getDatabase(config.mongo().database());
        if (!indexed) {
            createIndexes(db);
        }
        return db;
    }

    private MongoCollection<Document> facts() {
        return db().getCollection("facts");
    }

    private MongoCollection<Document> speeches() {
        return db().getCollection("speeches");
    }

    private MongoCollection<Document> texts() {
        return db().getCollection("texts");
    }

    private MongoCollection<Document> curations() {
        return db().getCollection("curations");
    }

    private MongoCollection<Document> state() {
        return db().getCollection("consumer_state");
    }

    private static MongoCollection<Document> replayable(MongoCollection<Document> collection) {
        return collection.withWriteConcern(REPLAYABLE);
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

    // ---- writes ----------------------------------------------------------------------------------------------

    /**
     * Replaces everything stored for one speech with {@code facts} and {@code texts}. The stored speech lists the
     * ids of what it owns, so the old rows are removed by primary key: the embedded server implements only unique
     * indexes, and a deleteMany on speechId would scan every fact. Rows are upserted before the speech document is
     * written, so replaying the change after a crash in between ends in the same state. {@code speech}'s own id
     * lists are replaced by those of {@code facts} and {@code texts}.
     */
    public void replaceSpeech(StoredSpeech previous, StoredSpeech speech, List<Fact> facts, List<StoredText> texts) {
        List<String> factIds = facts.stream().map(Fact::id).toList();
        List<String> textIds = texts.stream().map(StoredText::id).toList();
        removeOwned(previous, previous == null ? null : previous.factIds(), replayable(facts()), factIds);
        removeOwned(previous, previous == null ? null : previous.textIds(), replayable(texts()), textIds);
        upsert(replayable(facts()), facts.stream().map(FactDocuments::fact).toList());
        upsert(replayable(texts()), texts.stream().map(FactDocuments::text).toList());
        StoredSpeech owning = new StoredSpeech(speech.id(), speech.version(), speech.compilationId(), speech.order(),
                speech.committee(), speech.speakerKind(), speech.speakerName(), speech.region(), speech.regionCode(),
                speech.level(), speech.parentRegion(), speech.title(), speech.bodyAvailable(), speech.truncated(),
                speech.characters(), speech.paragraphs(), speech.outlineEntries(), speech.facts(), factIds, textIds,
                speech.figures());
        replayable(speeches()).replaceOne(eq("_id", speech.id()), FactDocuments.speech(owning),
                new ReplaceOptions().upsert(true));
        generation.incrementAndGet();
    }

    /** Deletes a speech and what it owns; {@code previous} is what is stored of it (null: nothing). */
    public void deleteSpeech(long speechId, StoredSpeech previous) {
        removeOwned(previous, previous == null ? null : previous.factIds(), replayable(facts()), List.of());
        removeOwned(previous, previous == null ? null : previous.textIds(), replayable(texts()), List.of());
        replayable(speeches()).deleteOne(eq("_id", speechId));
        generation.incrementAndGet();
    }

    /**
     * Stores an admin's curation, the fact as it now reads and the figures of its speech as they now are (null: the
     * fact has no stored speech). A crash in between leaves the figures of that speech behind its facts: they are
     * computed again from the facts of every curated speech when the store is next read ({@link #curatedSpeeches}).
     */
    public void saveCuration(Curation curation, Fact fact, SpeechFigures figures) {
        curations().replaceOne(eq("_id", curation.factId()), FactDocuments.curation(curation),
                new ReplaceOptions().upsert(true));
        facts().replaceOne(eq("_id", fact.id()), FactDocuments.fact(fact));
        if (figures != null) {
            saveFigures(speeches(), fact.speechId(), figures);
        }
        generation.incrementAndGet();
    }

    /** Stores the figures of a speech computed again from its facts (derived data: replayable). */
    public void saveFigures(long speechId, SpeechFigures figures) {
        saveFigures(replayable(speeches()), speechId, figures);
        generation.incrementAndGet();
    }

    private static void saveFigures(MongoCollection<Document> speeches, long speechId, SpeechFigures figures) {
        speeches.updateOne(eq("_id", speechId), Updates.set("figures", FactDocuments.figures(figures)));
    }

    /** Removes the rows a stored speech owns ({@code owned}) that are not {@code kept}. */
    private static void removeOwned(StoredSpeech previous, List<String> owned, MongoCollection<Document> rows,
            List<String> kept) {
        if (previous == null) {
            return;
        }
        if (owned == null) {
            // written before speeches listed their rows
            rows.deleteMany(eq("speechId", previous.id()));
            return;
        }
        Set<String> keep = new HashSet<>(kept);
        List<String> gone = owned.stream().filter(id -> !keep.contains(id)).toList();
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

    /** The feed position; written after the facts of each change, so a crash in between replays that change. */
    public void saveFeedPosition(FeedPosition position) {
        replayable(state()).replaceOne(eq("_id", "feed"), new Document("_id", "feed").append("cursor", position.cursor())
                .append("appliedAt", position.appliedAt() == null ? null : Date.from(position.appliedAt())),
                new ReplaceOptions().upsert(true));
    }

    /** Drops every collection: for tests and a full rebuild from cursor 0. */
    public void reset() {
        for (String name : COLLECTIONS) {
            db().getCollection(name).drop();
        }
        indexed = false;
        epoch.incrementAndGet();
        generation.incrementAndGet();
    }

    // ---- reads for the consumer ---------------------------------------------------------------------------------

    public FeedPosition feedPosition() {
        Document state = state().find(eq("_id", "feed")).first();
        if (state == null) {
            return new FeedPosition(0, null);
        }
        Date at = state.getDate("appliedAt");
        return new FeedPosition(state.get("cursor", Number.class).longValue(), at == null ? null : at.toInstant());
    }

    public Optional<StoredSpeech> speech(long speechId) {
        return Optional.ofNullable(speeches().find(eq("_id", speechId)).first()).map(FactDocuments::speech);
    }

    public List<Curation> curationsOf(long speechId) {
        return curations().find(eq("speechId", speechId)).map(FactDocuments::curation).into(new ArrayList<>());
    }

    /** The speeches with a curation (whose stored figures a crash in the middle of a curation may have left behind). */
    public Set<Long> curatedSpeeches() {
        Set<Long> out = new TreeSet<>();
        curations().find().projection(Projections.include("speechId"))
                .forEach(d -> out.add(d.get("speechId", Number.class).longValue()));
        return out;
    }

    /** Every stored speech without the id lists of what it owns, its figures included: what the aggregates fold. */
    public List<StoredSpeech> speechesWithFigures() {
        return speeches().find().projection(Projections.exclude("factIds", "textIds")).map(FactDocuments::speech)
                .into(new ArrayList<>());
    }

    /** The facts a stored speech owns (as {@link #speech} reads it, with its id lists), in provenance order. */
    public List<Fact> factsOf(StoredSpeech speech) {
        List<Fact> facts = speech.factIds() == null
                // written before speeches listed their rows
                ? facts().find(eq("speechId", speech.id())).map(FactDocuments::fact).into(new ArrayList<>())
                : factsById(speech.factIds());
        facts.sort(PROVENANCE);
        return facts;
    }

    /** The facts of these ids that exist, in no particular order: by primary key, which every store indexes. */
    public List<Fact> factsById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        return facts().find(in("_id", ids)).map(FactDocuments::fact).into(new ArrayList<>());
    }

    // ---- reads for the API ------------------------------------------------------------------------------------

    /**
     * The number of facts and of speeches, from the collections' metadata: countDocuments would read every
     * document, holding the embedded server's lock on the collection, which the consumer's writes wait for.
     */
    public long estimatedFacts() {
        return facts().estimatedDocumentCount();
    }

    public long estimatedSpeeches() {
        return speeches().estimatedDocumentCount();
    }

    public Optional<Fact> fact(String id) {
        return Optional.ofNullable(facts().find(eq("_id", id)).first()).map(FactDocuments::fact);
    }

    public long countFacts(FactQuery query) {
        return facts().countDocuments(filter(query));
    }

    /** Facts in provenance order (speech, section, paragraph, offset). */
    public List<Fact> facts(FactQuery query, int skip, int limit) {
        return facts().find(filter(query)).sort(FACT_ORDER).skip(skip).limit(limit).map(FactDocuments::fact)
                .into(new ArrayList<>());
    }

    public List<Fact> facts(FactQuery query) {
        return facts(query, 0, 0);
    }

    /** The texts in a scope that contain {@code term}, in speech, section and paragraph order. */
    public List<StoredText> textsContaining(String term, Scope scope) {
        List<Bson> filters = scopeFilters(scope);
        filters.add(regex("text", Pattern.compile(Pattern.quote(term))));
        return texts().find(and(filters)).sort(Sorts.ascending("speechId", "sectionIndex", "paragraphIndex"))
                .map(FactDocuments::text).into(new ArrayList<>());
    }

    private static Bson filter(FactQuery q) {
        List<Bson> filters = new ArrayList<>();
        if (q.counted()) {
            filters.add(ne("status", Fact.Status.rejected.name()));
        }
        if (q.wholeFigures()) {
            filters.add(eq("per", null));
        }
        if (q.category() != null) {
            filters.add(eq("category", q.category().name()));
        }
        filters.addAll(scopeFilters(q.scope()));
        if (q.regionCode() != null) {
            filters.add(eq("regionCode", q.regionCode()));
        }
        if (q.tier() != null) {
            filters.add(eq("tier", q.tier().name()));
        }
        if (q.speechId() != null) {
            filters.add(eq("speechId", q.speechId()));
        }
        if (q.status() != null) {
            filters.add(eq("status", q.status().name()));
        }
        if (q.text() != null) {
            Pattern literal = Pattern.compile(Pattern.quote(q.text()));
            filters.add(or(regex("sentence", literal), regex("subject", literal)));
        }
        return filters.isEmpty() ? new Document() : and(filters);
    }

    /** The filters of a scope, to be and-ed with a query's own. */
    private static List<Bson> scopeFilters(Scope scope) {
        List<Bson> filters = new ArrayList<>();
        if (scope.compilationId() != null) {
            filters.add(eq("compilationId", scope.compilationId()));
        }
        if (scope.region() != null) {
            filters.add(eq("region", scope.region()));
        }
        if (scope.speakerKind() != null) {
            // rows stored before speakers had kinds have none: they are a committee's
            filters.add(scope.speakerKind() == SpeakerKind.COMMITTEE
                    ? or(eq("speakerKind", scope.speakerKind().value()), eq("speakerKind", null))
                    : eq("speakerKind", scope.speakerKind().value()));
        }
        return filters;
    }
}
