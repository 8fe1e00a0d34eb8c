package org.cppcc.archive.stats.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
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

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

/**
 * The MongoDB collections and the only code that touches them:
 * <ul>
 * <li>{@code facts}: one document per extracted fact, {@code _id} a stable hash of (speech, sentence, span);</li>
 * <li>{@code speeches}: per speech its metadata, version, counts and figures ({@link SpeechFigures}: what every
 * aggregate folds);</li>
 * <li>{@code texts}: per paragraph, heading, lead or outline entry its text (for topic mentions);</li>
 * <li>{@code curations}: admin corrections keyed by fact id, kept across re-extraction;</li>
 * <li>{@code consumer_state}: one document, {@code feed}: the feed cursor (written after the facts of each change),
 * the consumer lease ({@code holder}, {@code epoch}, {@code expiresAt}) and the write generation with the speeches
 * its last increments touched ({@code generation}, {@code touched}).</li>
 * </ul>
 * Several stats-services may share the database; only the lease holder applies the feed. What it writes is fenced by
 * its epoch ({@link Fence}) and every speech document is replaced only at the revision its writer read
 * ({@link SpeechSlot}), so a consumer that paused past its lease, or a curation on another replica, cannot overwrite
 * a newer write: its write fails ({@link Fenced}, {@link Conflict}) and it reads again or stops.
 * Only features that both MongoDB and the embedded mongo-java-server support are used (see README).
 */
@ApplicationScoped
public class StatsRepository {

    /**
     * For what the feed consumer writes: facts, texts and speeches derived from the change feed, and the cursor.
     * Acknowledged, but not waited for on the journal: after a power cut (the embedded store: also a kill within
     * moments of the write) the store may hold an older cursor, and the changes after it are applied again,
     * idempotently. An admin's curation keeps the journaled default.
     */
    private static final WriteConcern REPLAYABLE = WriteConcern.W1.withJournal(false);
    private static final Bson FACT_ORDER = Sorts.ascending("speechId", "sectionIndex", "paragraphIndex", "start");
    /** {@link #FACT_ORDER} in Java, for facts read by id. */
    public static final Comparator<Fact> PROVENANCE = Comparator.comparingLong(Fact::speechId)
            .thenComparingInt(Fact::sectionIndex).thenComparingInt(Fact::paragraphIndex).thenComparingInt(Fact::start);
    private static final List<String> COLLECTIONS = List.of("facts", "speeches", "texts", "curations",
            "consumer_state");

    /**
     * For the lease and the curations: acknowledged by a majority and journaled. On one
     * server (the embedded one, a standalone MongoDB) that is an fsynced write: an epoch once granted is never granted
     * again after a crash, and a curation answered 2xx is kept.
     */
    private static final WriteConcern DECISIVE = WriteConcern.MAJORITY.withJournal(true);
    private static final String FEED = "feed";
    private static final int DUPLICATE_KEY = 11000;

    /** The cursor of the last change applied, and when it was applied (null before the first). */
    public record FeedPosition(long cursor, Instant appliedAt) {
    }

    /** A newer consumer (a higher lease epoch) has written: this one no longer holds the lease. */
    public static final class Fenced extends RuntimeException {
        Fenced(String message) {
            super(message);
        }
    }

    /** Another writer replaced the speech document since it was read: read it again and retry. */
    public static final class Conflict extends RuntimeException {
        Conflict(long speechId) {
            super("speech " + speechId + " was written meanwhile");
        }
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
        return db().getCollection("consumer_state").withReadPreference(ReadPreference.primary());
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
     * Replaces everything stored for one speech with {@code facts} and {@code texts}, as read in {@code previous}.
     * The stored speech lists the ids of what it owns, so the old rows are removed by primary key: the embedded
     * server implements only unique indexes, and a deleteMany on speechId would scan every fact. Rows are upserted
     * before the speech document is written, so replaying the change after a crash in between ends in the same
     * state. {@code speech}'s own id lists are replaced by those of {@code facts} and {@code texts}.
     * <p>
     * Rows carry the writer's epoch and are written or removed only where the stored row's is not newer; the speech
     * document is replaced only at {@code previous}'s revision. On {@link Fenced} or {@link Conflict} the rows this
     * call wrote that the speech document now stored does not list are removed again (those still carrying this
     * writer's epoch: a newer writer's are its own).
     */
    public void replaceSpeech(SpeechSlot previous, StoredSpeech speech, List<Fact> facts, List<StoredText> texts,
            Fence fence) {
        List<String> factIds = facts.stream().map(Fact::id).toList();
        List<String> textIds = texts.stream().map(StoredText::id).toList();
        StoredSpeech owning = new StoredSpeech(speech.id(), speech.version(), speech.compilationId(), speech.order(),
                speech.committee(), speech.speakerKind(), speech.speakerName(), speech.region(), speech.regionCode(),
                speech.level(), speech.parentRegion(), speech.title(), speech.bodyAvailable(), speech.truncated(),
                speech.characters(), speech.paragraphs(), speech.outlineEntries(), speech.facts(), factIds, textIds,
                speech.figures());
        try {
            removeOwned(previous, ownedFacts(previous), replayable(facts()), factIds, fence);
            removeOwned(previous, ownedTexts(previous), replayable(texts()), textIds, fence);
            upsert(replayable(facts()), facts.stream().map(FactDocuments::fact).toList(), fence);
            upsert(replayable(texts()), texts.stream().map(FactDocuments::text).toList(), fence);
            replaceAtRevision(previous, FactDocuments.speech(owning));
        } catch (Fenced | Conflict e) {
            discard(speech.id(), factIds, textIds, fence);
            throw e;
        } finally {
            generation.incrementAndGet();
        }
    }

    /**
     * Deletes what a speech owns and leaves in its place a tombstone with the deleting version: a consumer that
     * paused before the delete and writes an older version afterwards finds the tombstone and fails.
     */
    public void deleteSpeech(SpeechSlot previous, long version, Fence fence) {
        try {
            removeOwned(previous, ownedFacts(previous), replayable(facts()), List.of(), fence);
            removeOwned(previous, ownedTexts(previous), replayable(texts()), List.of(), fence);
            replaceAtRevision(previous, new Document("_id", previous.id()).append("version", version)
                    .append("deleted", true).append("factIds", List.of()).append("textIds", List.of()));
        } finally {
            generation.incrementAndGet();
        }
    }

    private static List<String> ownedFacts(SpeechSlot slot) {
        return slot.speech() == null ? List.of() : slot.speech().factIds();
    }

    private static List<String> ownedTexts(SpeechSlot slot) {
        return slot.speech() == null ? List.of() : slot.speech().textIds();
    }

    /** Writes a speech document (or tombstone) in place of {@code previous}, only if nobody replaced it since. */
    private void replaceAtRevision(SpeechSlot previous, Document document) {
        long next = previous.revision() == null ? 1 : previous.revision() + 1;
        try {
            UpdateResult result = replayable(speeches()).replaceOne(
                    and(eq("_id", previous.id()), eq("revision", previous.revision())),
                    document.append("revision", next), new ReplaceOptions().upsert(true));
            if (result.getMatchedCount() == 0 && result.getUpsertedId() == null) {
                throw new Conflict(previous.id());
            }
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                // the upsert found the document under another revision
                throw new Conflict(previous.id());
            }
            throw e;
        }
    }

    /** After a failed replace: removes this writer's rows that the stored speech document does not list. */
    private void discard(long speechId, List<String> factIds, List<String> textIds, Fence fence) {
        SpeechSlot now = speechSlot(speechId);
        Set<String> listed = new HashSet<>();
        // a document written before speeches listed their rows lists none
        listed.addAll(Objects.requireNonNullElse(ownedFacts(now), List.of()));
        listed.addAll(Objects.requireNonNullElse(ownedTexts(now), List.of()));
        List<String> facts = factIds.stream().filter(id -> !listed.contains(id)).toList();
        List<String> texts = textIds.stream().filter(id -> !listed.contains(id)).toList();
        if (!facts.isEmpty()) {
            replayable(facts()).deleteMany(and(in("_id", facts), eq("epoch", fence.epoch())));
        }
        if (!texts.isEmpty()) {
            replayable(texts()).deleteMany(and(in("_id", texts), eq("epoch", fence.epoch())));
        }
    }

    /**
     * Stores an admin's curation. It is read by every later extraction of the fact's speech; {@link #curateFact} and
     * {@link #saveFigures} then apply it to what is stored now.
     */
    public void saveCuration(Curation curation) {
        curations().withWriteConcern(DECISIVE).replaceOne(eq("_id", curation.factId()),
                FactDocuments.curation(curation), new ReplaceOptions().upsert(true));
        generation.incrementAndGet();
    }

    /**
     * Writes a curated fact over the stored one if that is still of {@code version} of its speech (false: a change
     * replaced it meanwhile). The row keeps its epoch.
     */
    public boolean curateFact(Fact fact, long version) {
        Document fields = FactDocuments.fact(fact);
        fields.remove("_id");
        boolean written = facts().withWriteConcern(DECISIVE)
                .updateOne(and(eq("_id", fact.id()), eq("speechVersion", version)), new Document("$set", fields))
                .getMatchedCount() == 1;
        generation.incrementAndGet();
        return written;
    }

    /**
     * Stores the figures of a speech computed again from its facts, only at the revision they were computed from
     * (false: the speech was written meanwhile, and these figures may be of older facts).
     */
    public boolean saveFigures(SpeechSlot slot, SpeechFigures figures) {
        long next = slot.revision() == null ? 1 : slot.revision() + 1;
        boolean written = speeches().withWriteConcern(DECISIVE)
                .updateOne(and(eq("_id", slot.id()), eq("revision", slot.revision()), ne("deleted", true)),
                        Updates.combine(Updates.set("figures", FactDocuments.figures(figures)),
                                Updates.set("revision", next)))
                .getMatchedCount() == 1;
        generation.incrementAndGet();
        return written;
    }

    /**
     * Removes the rows a stored speech owns ({@code owned}) that are not {@code kept}, except those a newer consumer
     * wrote.
     */
    private static void removeOwned(SpeechSlot previous, List<String> owned, MongoCollection<Document> rows,
            List<String> kept, Fence fence) {
        if (previous.speech() == null) {
            return;
        }
        if (owned == null) {
            // written before speeches listed their rows
            rows.deleteMany(and(eq("speechId", previous.id()), writableBy(fence)));
            return;
        }
        Set<String> keep = new HashSet<>(kept);
        List<String> gone = owned.stream().filter(id -> !keep.contains(id)).toList();
        if (!gone.isEmpty()) {
            rows.deleteMany(and(in("_id", gone), writableBy(fence)));
        }
    }

    /** Rows no newer consumer wrote (rows stored before rows carried an epoch have none). */
    private static Bson writableBy(Fence fence) {
        return or(eq("epoch", null), lte("epoch", fence.epoch()));
    }

    /**
     * Upserts rows with the writer's epoch where the stored row's is not newer: where it is, the upsert finds no
     * match and its insert collides with the stored row's id, which means a newer consumer holds the lease.
     */
    private static void upsert(MongoCollection<Document> rows, List<Document> documents, Fence fence) {
        if (documents.isEmpty()) {
            return;
        }
        try {
            rows.bulkWrite(documents.stream()
                    .map(d -> new ReplaceOneModel<>(and(eq("_id", d.get("_id")), writableBy(fence)),
                            d.append("epoch", fence.epoch()), new ReplaceOptions().upsert(true)))
                    .toList(), new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().allMatch(w -> w.getCode() == DUPLICATE_KEY)) {
                throw new Fenced(e.getWriteErrors().size() + " row(s) of " + rows.getNamespace().getCollectionName()
                        + " were written by a consumer with a newer epoch than " + fence.epoch());
            }
            throw e;
        }
    }

    /**
     * Moves the feed cursor to {@code cursor} (never back) and increases the write generation, noting the speech the
     * change touched: one update of the feed document, made only while {@code fence} still holds the lease.
     *
     * @return the write generation this update increased the store's to
     * @throws Fenced when the lease document names another holder or epoch
     */
    public long advanceCursor(long cursor, Instant appliedAt, long speechId, Fence fence) {
        Bson filter = fence.holder() == null ? eq("_id", FEED)
                : and(eq("_id", FEED), eq("holder", fence.holder()), eq("epoch", fence.epoch()));
        Document after = replayable(state()).findOneAndUpdate(filter,
                Updates.combine(Updates.max("cursor", cursor), Updates.set("appliedAt", Date.from(appliedAt)),
                        bump(List.of(speechId))),
                new FindOneAndUpdateOptions().upsert(fence.holder() == null).returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            throw new Fenced("the lease is no longer held by " + fence.holder() + " at epoch " + fence.epoch());
        }
        return after.get("generation", Number.class).longValue();
    }

    /** Increases the write generation after a curation of {@code speechId}. */
    public void bumpGeneration(long speechId) {
        state().withWriteConcern(DECISIVE).updateOne(eq("_id", FEED), bump(List.of(speechId)),
                new UpdateOptions().upsert(true));
    }

    private static Bson bump(List<Long> speechIds) {
        return Updates.combine(Updates.inc("generation", 1L), Updates.pushEach("touched",
                List.of(new Document("ids", speechIds)), new PushOptions().slice(-StoreGeneration.REMEMBERED)));
    }

    public StoreGeneration storeGeneration() {
        Document feed = state().find(eq("_id", FEED)).projection(Projections.include("generation", "touched")).first();
        if (feed == null || feed.get("generation") == null) {
            return new StoreGeneration(0, List.of());
        }
        List<List<Long>> touched = feed.getList("touched", Document.class, List.of()).stream()
                .map(t -> t.getList("ids", Number.class).stream().map(Number::longValue).toList()).toList();
        return new StoreGeneration(feed.get("generation", Number.class).longValue(), touched);
    }

    // ---- the consumer lease -----------------------------------------------------------------------------------

    /**
     * Takes the consumer lease for {@code holder} until {@code until} if it is free, expired at {@code now} (its {@code expiresAt} not after it) or
     * already this holder's, under a new epoch; or, with {@code epoch} > 0, renews it if the store still names this
     * holder at that epoch (expired or not: nobody took it meanwhile). Empty when another holds it, or this holder lost
     * it. One findOneAndUpdate of the feed document, so two replicas never both get it.
     */
    public Optional<LeaseGrant> acquireLease(String holder, long epoch, Instant now, Instant until) {
        MongoCollection<Document> state = state().withWriteConcern(DECISIVE);
        state.updateOne(eq("_id", FEED), Updates.setOnInsert("cursor", 0L), new UpdateOptions().upsert(true));
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        Document granted = epoch > 0
                ? state.findOneAndUpdate(and(eq("_id", FEED), eq("holder", holder), eq("epoch", epoch)),
                        Updates.set("expiresAt", Date.from(until)), after)
                : state.findOneAndUpdate(
                        and(eq("_id", FEED),
                                or(eq("holder", null), lte("expiresAt", Date.from(now)), eq("holder", holder))),
                        Updates.combine(Updates.set("holder", holder), Updates.set("expiresAt", Date.from(until)),
                                Updates.inc("epoch", 1L)),
                        after);
        return Optional.ofNullable(granted).map(
                d -> new LeaseGrant(d.get("epoch", Number.class).longValue(), d.getDate("expiresAt").toInstant()));
    }

    /** Gives the lease up (on shutdown), so that another replica takes it at its next attempt. */
    public void releaseLease(String holder, long epoch) {
        state().withWriteConcern(DECISIVE).updateOne(and(eq("_id", FEED), eq("holder", holder), eq("epoch", epoch)),
                Updates.combine(Updates.set("holder", null), Updates.set("expiresAt", new Date(0))));
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

    /** The live speech (with its id lists), empty when none is stored or it was deleted. */
    public Optional<StoredSpeech> speech(long speechId) {
        return Optional.ofNullable(speechSlot(speechId).speech());
    }

    /** What is stored under a speech id: the speech, or its tombstone, with the document's revision. */
    public SpeechSlot speechSlot(long speechId) {
        Document d = speeches().find(eq("_id", speechId)).first();
        if (d == null) {
            return SpeechSlot.empty(speechId);
        }
        Number revision = d.get("revision", Number.class);
        return new SpeechSlot(speechId, d.get("version", Number.class).longValue(),
                revision == null ? null : revision.longValue(),
                Boolean.TRUE.equals(d.getBoolean("deleted")) ? null : FactDocuments.speech(d));
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
        return speeches().find(ne("deleted", true)).projection(Projections.exclude("factIds", "textIds"))
                .map(FactDocuments::speech).into(new ArrayList<>());
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

    /** The texts a stored speech owns (as {@link #speech} reads it, with its id lists). */
    public List<StoredText> textsOf(StoredSpeech speech) {
        if (speech.textIds() == null) {
            // written before speeches listed their rows
            return texts().find(eq("speechId", speech.id())).map(FactDocuments::text).into(new ArrayList<>());
        }
        if (speech.textIds().isEmpty()) {
            return new ArrayList<>();
        }
        return texts().find(in("_id", speech.textIds())).map(FactDocuments::text).into(new ArrayList<>());
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
