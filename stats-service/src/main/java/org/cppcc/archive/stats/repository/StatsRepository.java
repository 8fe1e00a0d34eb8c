package org.cppcc.archive.stats.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.cppcc.archive.stats.api.Fact;
import org.cppcc.archive.stats.api.Scope;
import org.cppcc.archive.stats.api.SpeakerKind;
import org.cppcc.archive.stats.config.StatsConfig;

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

/**
 * The MongoDB collections and the only code that touches them, the aggregation pipelines included:
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
public class StatsRepository {

    private static final Bson FACT_ORDER = Sorts.ascending("speechId", "sectionIndex", "paragraphIndex", "start");
    private static final List<String> COLLECTIONS = List.of("facts", "speeches", "texts", "curations",
            "consumer_state");

    /** A group of an aggregation and how many rows it has; {@code key} is null for rows without the field. */
    public record Count(String key, long n) {
    }

    /** The platforms of one region, speaker kind (null: stored without one) and tier (null: none named). */
    public record PlatformGroup(String region, String regionCode, String speakerKind, String tier, double total) {
    }

    /** The members of one region and speaker kind (null: stored without one). */
    public record MemberGroup(String region, String regionCode, String speakerKind, double members) {
    }

    /** The cursor of the last change applied, and when it was applied (null before the first). */
    public record FeedPosition(long cursor, Instant appliedAt) {
    }

    private final MongoClient client;
    private final StatsConfig config;
    private volatile boolean indexed;
    private final AtomicLong generation = new AtomicLong();

    StatsRepository(MongoClient client, StatsConfig config) {
        this.client = client;
        this.config = config;
    }

    /** Increases with every write through this repository, so answers computed from it can be kept until the next. */
    public long generation() {
        return generation.get();
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
        removeOwned(previous, previous == null ? null : previous.factIds(), facts(), factIds);
        removeOwned(previous, previous == null ? null : previous.textIds(), texts(), textIds);
        upsert(facts(), facts.stream().map(FactDocuments::fact).toList());
        upsert(texts(), texts.stream().map(FactDocuments::text).toList());
        StoredSpeech owning = new StoredSpeech(speech.id(), speech.version(), speech.compilationId(), speech.order(),
                speech.committee(), speech.speakerKind(), speech.speakerName(), speech.region(), speech.regionCode(),
                speech.level(), speech.parentRegion(), speech.title(), speech.bodyAvailable(), speech.truncated(),
                speech.characters(), speech.paragraphs(), speech.outlineEntries(), speech.facts(), factIds, textIds);
        speeches().replaceOne(eq("_id", speech.id()), FactDocuments.speech(owning), new ReplaceOptions().upsert(true));
        generation.incrementAndGet();
    }

    /** Deletes a speech and what it owns; {@code previous} is what is stored of it (null: nothing). */
    public void deleteSpeech(long speechId, StoredSpeech previous) {
        removeOwned(previous, previous == null ? null : previous.factIds(), facts(), List.of());
        removeOwned(previous, previous == null ? null : previous.textIds(), texts(), List.of());
        speeches().deleteOne(eq("_id", speechId));
        generation.incrementAndGet();
    }

    /** Stores an admin's curation and the fact as it now reads. */
    public void saveCuration(Curation curation, Fact fact) {
        curations().replaceOne(eq("_id", curation.factId()), FactDocuments.curation(curation),
                new ReplaceOptions().upsert(true));
        facts().replaceOne(eq("_id", fact.id()), FactDocuments.fact(fact));
        generation.incrementAndGet();
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
        state().replaceOne(eq("_id", "feed"), new Document("_id", "feed").append("cursor", position.cursor())
                .append("appliedAt", position.appliedAt() == null ? null : Date.from(position.appliedAt())),
                new ReplaceOptions().upsert(true));
    }

    /** Drops every collection: for tests and a full rebuild from cursor 0. */
    public void reset() {
        for (String name : COLLECTIONS) {
            db().getCollection(name).drop();
        }
        indexed = false;
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

    /** Facts per category, by category. */
    public List<Count> factsByCategory(FactQuery query) {
        return count(facts(), query, "$category", true);
    }

    public List<Count> factsBySpeakerKind(FactQuery query) {
        return count(facts(), query, "$speakerKind", false);
    }

    /** The sums of the platform figures per region, speaker kind and tier, by region code and tier. */
    public List<PlatformGroup> platformGroups(FactQuery query) {
        List<PlatformGroup> out = new ArrayList<>();
        for (Document row : facts().aggregate(List.of(Aggregates.match(filter(query)),
                Aggregates.group(new Document("region", "$region").append("regionCode", "$regionCode")
                        .append("speakerKind", "$speakerKind").append("tier", "$tier"),
                        Accumulators.sum("total", "$value")),
                Aggregates.sort(Sorts.ascending("_id.regionCode", "_id.tier"))))) {
            Document id = row.get("_id", Document.class);
            out.add(new PlatformGroup(id.getString("region"), id.getString("regionCode"), id.getString("speakerKind"),
                    id.getString("tier"), row.get("total", Number.class).doubleValue()));
        }
        return out;
    }

    /** The sums of the member figures per region and speaker kind, by region code. */
    public List<MemberGroup> memberGroups(FactQuery query) {
        List<MemberGroup> out = new ArrayList<>();
        for (Document row : facts().aggregate(List.of(Aggregates.match(filter(query)),
                Aggregates.group(new Document("region", "$region").append("regionCode", "$regionCode")
                        .append("speakerKind", "$speakerKind"), Accumulators.sum("members", "$value")),
                Aggregates.sort(Sorts.ascending("_id.regionCode"))))) {
            Document id = row.get("_id", Document.class);
            out.add(new MemberGroup(id.getString("region"), id.getString("regionCode"), id.getString("speakerKind"),
                    row.get("members", Number.class).doubleValue()));
        }
        return out;
    }

    /** The compilations the stored speeches come from. */
    public long compilations() {
        return speeches().distinct("compilationId", Long.class).into(new ArrayList<>()).stream()
                .filter(Objects::nonNull).count();
    }

    public long speechCount() {
        return speeches().countDocuments();
    }

    public long speechesWithBody(boolean withBody) {
        return speeches().countDocuments(eq("bodyAvailable", withBody));
    }

    public long truncatedSpeeches() {
        return speeches().countDocuments(eq("truncated", true));
    }

    /** Speeches per committee level, by level (rows without a level first). */
    public List<Count> speechesByLevel() {
        return count(speeches(), null, "$level", true);
    }

    public List<Count> speechesBySpeakerKind() {
        return count(speeches(), null, "$speakerKind", false);
    }

    /** The characters of every stored speech. */
    public long characters() {
        Document chars = speeches().aggregate(List.of(Aggregates.group(null, Accumulators.sum("c", "$characters"))))
                .first();
        return chars == null ? 0L : chars.get("c", Number.class).longValue();
    }

    /** The speeches in a scope (its region part is not applied), by compilation and order. */
    public List<StoredSpeech> speeches(Scope scope) {
        List<Bson> filters = scopeFilters(new Scope(scope.compilationId(), null, scope.speakerKind()));
        return speeches().find(filters.isEmpty() ? new Document() : and(filters))
                .projection(Projections.exclude("factIds", "textIds")).sort(Sorts.ascending("compilationId", "order"))
                .map(FactDocuments::speech).into(new ArrayList<>());
    }

    /** The texts in a scope that contain {@code term}, in speech, section and paragraph order. */
    public List<StoredText> textsContaining(String term, Scope scope) {
        List<Bson> filters = scopeFilters(scope);
        filters.add(regex("text", Pattern.compile(Pattern.quote(term))));
        return texts().find(and(filters)).sort(Sorts.ascending("speechId", "sectionIndex", "paragraphIndex"))
                .map(FactDocuments::text).into(new ArrayList<>());
    }

    private static List<Count> count(MongoCollection<Document> rows, FactQuery query, String field, boolean sorted) {
        List<Bson> pipeline = new ArrayList<>();
        if (query != null) {
            pipeline.add(Aggregates.match(filter(query)));
        }
        pipeline.add(Aggregates.group(field, Accumulators.sum("n", 1)));
        if (sorted) {
            pipeline.add(Aggregates.sort(Sorts.ascending("_id")));
        }
        List<Count> out = new ArrayList<>();
        for (Document row : rows.aggregate(pipeline)) {
            Object key = row.get("_id");
            out.add(new Count(key == null ? null : key.toString(), row.get("n", Number.class).longValue()));
        }
        return out;
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
