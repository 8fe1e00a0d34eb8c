package org.cppcc.archive.search.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.http.util.EntityUtils;
import org.cppcc.archive.search.change.ChangeItem;
import org.cppcc.archive.search.change.Compilation;
import org.cppcc.archive.search.change.CompilationLookup;
import org.cppcc.archive.search.change.Speech;
import org.cppcc.archive.search.doc.Fields;
import org.cppcc.archive.search.facet.FacetCounts;
import org.cppcc.archive.search.highlight.Highlights;
import org.cppcc.archive.search.model.AppliedBatch;
import org.cppcc.archive.search.model.Filters;
import org.cppcc.archive.search.model.Hit;
import org.cppcc.archive.search.model.SearchResult;
import org.cppcc.archive.search.model.Suggestion;
import org.cppcc.archive.search.opensearch.OpenSearchClient;
import org.cppcc.archive.search.opensearch.OpenSearchQueries;
import org.cppcc.archive.search.opensearch.OpenSearchSchema;
import org.cppcc.archive.search.query.QueryParser;
import org.cppcc.archive.search.query.QueryParser.ParsedQuery;
import org.cppcc.archive.search.query.SpeechQueries;
import org.cppcc.archive.search.similar.SimilarSpeeches;
import org.cppcc.archive.search.suggest.Suggester;
import org.jboss.logging.Logger;
import org.opensearch.client.ResponseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenSearch implementation of {@link SpeechIndex}, shaped like {@link LuceneSpeechIndex}: index generations
 * ({@code <alias>-1}, {@code <alias>-2}…) and an alias naming the live one; a rebuild fills a new generation and moves
 * the alias in one atomic {@code _aliases} call. Searches go through the alias.
 *
 * <p>Several search-services (replicas) may share one alias, each following the feed and writing every change to the
 * generation the alias names: the writes are idempotent (below), so two writers end in the same documents. What they
 * share is on the cluster, not in a process: the first to open creates generation 1 (the others, refused, open it);
 * before each page is applied the writer checks the alias, so after another replica swapped in a rebuild it writes to
 * the new generation and resumes from that generation's cursor; a generation nobody has written to for
 * {@link #ABANDONED_AFTER} and the alias does not name is a rebuild that died, removed when a replica opens, while one
 * being filled by another replica is left alone.
 *
 * <p>The feed cursor is a document of the generation itself ({@value OpenSearchSchema#CURSOR_ID}), written after the
 * changes it covers were acknowledged (durable: the translog is synced before a bulk request is answered) and with
 * {@code refresh=wait_for}, so that when {@link #apply} returns the changes are searchable. Should the process die
 * between the two, the stored cursor is the older one and the changes are fetched and applied again: idempotently,
 * since every speech is written with its feed version as an external version (an older or equal one is refused by
 * OpenSearch itself), and a delete leaves a tombstone with its version, so a late older upsert stays out.
 */
public class OpenSearchSpeechIndex implements SpeechIndex {

    private static final Logger LOG = Logger.getLogger(OpenSearchSpeechIndex.class);
    private static final Map<String, String> NONE = Map.of();
    /** A rebuild writes its generation's cursor with every page: one silent this long has died. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);
    private static final Duration SHARD_START = Duration.ofSeconds(30);

    private final OpenSearchClient client;
    private final String alias;
    private final int replicas;
    private final CompilationLookup compilations;
    private final OpenSearchQueries queries = new OpenSearchQueries();
    private final SpeechQueries needles = new SpeechQueries();
    private final Object applyLock = new Object();
    private volatile Generation current;

    /** The index behind {@code alias} on the cluster at {@code urls}, new generations with {@code replicas}. */
    public OpenSearchSpeechIndex(List<String> urls, String alias, int replicas, CompilationLookup compilations) {
        this.client = new OpenSearchClient(urls);
        this.alias = alias;
        this.replicas = replicas;
        this.compilations = compilations;
    }

    /**
     * Opens the generation the alias names (creating the first one, unless another replica just did), and removes
     * those a rebuild abandoned.
     */
    public void open() {
        try {
            String name = liveGeneration();
            if (name == null) {
                // refused when another replica created it (with the alias, atomically) since
                name = createFirst() ? alias + "-1" : liveGeneration();
            }
            current = new Generation(name);
            for (String stale : generations()) {
                if (!stale.equals(name) && abandoned(stale)) {
                    LOG.infof("Removing index generation %s, left by a rebuild that did not finish", stale);
                    client.find("DELETE", "/" + stale, NONE, null);
                }
            }
            LOG.infof("OpenSearch index %s (alias %s) opened at feed cursor %d with %d speeches%s", name, alias,
                    current.cursor, speechCount(), current.outdated() ? ", of an older mapping: to be rebuilt" : "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the OpenSearch index " + alias, e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.warnf("Closing the OpenSearch client failed: %s", e.getMessage());
        }
    }

    @Override
    public SearchResult search(ParsedQuery parsed, Filters filters, int page, int size) throws IOException {
        ObjectNode query = queries.search(parsed, filters);
        if (query == null) {
            return new SearchResult(0, List.of(), FacetCounts.empty());
        }
        ObjectNode body = request(query, page * size, size);
        body.set("sort", OpenSearchQueries.sort(parsed));
        body.put("track_total_hits", true);
        body.set("aggs", OpenSearchQueries.facets());
        JsonNode answer = read(index -> client.query("/" + index + "/_search", body));
        List<String> marks = needles.needles(parsed);
        List<Hit> hits = new ArrayList<>();
        for (JsonNode hit : answer.path("hits").path("hits")) {
            Speech speech = OpenSearchSchema.stored(hit.get("_source"));
            float score = parsed.isEmpty() || !hit.path("_score").isNumber() ? 0f : hit.get("_score").floatValue();
            hits.add(Hit.of(speech, score, Highlights.of(speech, marks)));
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String facet : Fields.FACETS.keySet()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            answer.path("aggregations").path(facet).path("buckets")
                    .forEach(b -> counts.put(b.get("key").asText(), b.get("doc_count").asLong()));
            facets.put(facet, counts);
        }
        return new SearchResult(answer.path("hits").path("total").path("value").asLong(), hits, facets);
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) throws IOException {
        String folded = Suggester.fold(prefix);
        if (folded.isEmpty()) {
            return List.of();
        }
        ObjectNode phrase = queries.term(new QueryParser.Term(prefix.strip(), true));
        List<Speech> holding = phrase == null ? List.of()
                : speeches(request(OpenSearchQueries.filtered(phrase, Filters.none()), 0, Suggester.SPEECHES_READ));
        return Suggester.complete(folded, holding, limit, n -> frequentTerms(folded, n));
    }

    private List<String> frequentTerms(String folded, int limit) throws IOException {
        ObjectNode body = OpenSearchSchema.object();
        body.put("size", 0);
        body.set("aggs", OpenSearchQueries.frequentTerms(Suggester.TERM_FIELDS, folded, Suggester.TERMS_READ));
        JsonNode answer = read(index -> client.query("/" + index + "/_search", body));
        Map<String, Long> freq = new HashMap<>();
        for (String field : Suggester.TERM_FIELDS) {
            answer.path("aggregations").path(field).path("buckets")
                    .forEach(b -> freq.merge(b.get("key").asText(), b.get("doc_count").asLong(), Long::sum));
        }
        return freq.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    @Override
    public Optional<List<Hit>> similar(long speechId, int limit) throws IOException {
        ObjectNode self = OpenSearchSchema.object();
        self.putObject("term").put(Fields.ID, Long.toString(speechId));
        List<Speech> own = speeches(request(OpenSearchQueries.filtered(self, Filters.none()), 0, 1));
        if (own.isEmpty()) {
            return Optional.empty();
        }
        Speech speech = own.get(0);
        ObjectNode body = request(OpenSearchQueries.similar(speechId, SimilarSpeeches.headingsText(speech),
                SimilarSpeeches.bodyText(speech)), 0, limit);
        JsonNode answer = read(index -> client.query("/" + index + "/_search", body));
        List<Hit> hits = new ArrayList<>();
        for (JsonNode hit : answer.path("hits").path("hits")) {
            hits.add(Hit.of(OpenSearchSchema.stored(hit.get("_source")), hit.path("_score").floatValue(), List.of()));
        }
        return Optional.of(hits);
    }

    @Override
    public long speechCount() throws IOException {
        ObjectNode body = OpenSearchSchema.object();
        body.putObject("query").putObject("term").put(Fields.KIND, Fields.KIND_SPEECH);
        return read(index -> client.query("/" + index + "/_count", body)).path("count").asLong();
    }

    @Override
    public long cursor() {
        return current.cursor;
    }

    @Override
    public Instant appliedAt() {
        return current.appliedAt;
    }

    @Override
    public boolean outdated() {
        return current.outdated();
    }

    @Override
    public Optional<AppliedBatch> apply(long after, List<ChangeItem> items, long next) throws IOException {
        synchronized (applyLock) {
            followAlias();
            Generation live = current;
            return live.cursor != after ? Optional.empty() : Optional.of(live.apply(items, next));
        }
    }

    /** Moves on to the generation the alias names when another replica swapped one in. */
    private void followAlias() throws IOException {
        String live = liveGeneration();
        if (live != null && !live.equals(current.name)) {
            LOG.infof("Index %s was swapped in by another replica: applying the feed to it", live);
            current = new Generation(live);
        }
    }

    @Override
    public Rebuild startRebuild() throws IOException {
        return new Fresh(new Generation(createNext()));
    }

    /** A generation being filled by a rebuild. */
    private final class Fresh implements Rebuild {

        private final Generation fresh;

        Fresh(Generation fresh) {
            this.fresh = fresh;
        }

        @Override
        public String name() {
            return fresh.name;
        }

        @Override
        public long cursor() {
            return fresh.cursor;
        }

        @Override
        public AppliedBatch apply(List<ChangeItem> items, long next) throws IOException {
            return fresh.apply(items, next);
        }

        /** Moves the alias from whichever generation it names now (another replica may have swapped) to this one. */
        @Override
        public void swapIn(CatchUp catchUp) throws IOException, InterruptedException {
            String old;
            synchronized (applyLock) {
                catchUp.run(this);
                old = liveGeneration();
                ObjectNode actions = OpenSearchSchema.object();
                ArrayNode list = actions.putArray("actions");
                if (old != null) {
                    list.add(aliasAction("remove", old));
                }
                list.add(aliasAction("add", fresh.name));
                client.send("POST", "/_aliases", NONE, actions);
                current = fresh;
            }
            LOG.infof("Swapped in rebuilt index %s at feed cursor %d", fresh.name, fresh.cursor);
            if (old != null) {
                client.find("DELETE", "/" + old, NONE, null);
            }
        }

        @Override
        public void discard() {
            try {
                client.send("DELETE", "/" + fresh.name, NONE, null);
            } catch (IOException e) {
                LOG.warnf("Could not delete the discarded index %s: %s", fresh.name, e.getMessage());
            }
        }
    }

    /** One index generation: its name, and the cursor and schema it holds. The one writer of its documents. */
    private final class Generation {

        final String name;
        final int schema;
        volatile long cursor;
        volatile Instant appliedAt;

        Generation(String name) throws IOException {
            this.name = name;
            JsonNode mapping = client.send("GET", "/" + name + "/_mapping", NONE, null);
            this.schema = mapping.path(name).path("mappings").path("_meta").path("schema").asInt(0);
            readCursor();
        }

        private void readCursor() throws IOException {
            JsonNode stored = startedShard(() -> client.find("GET", "/" + name + "/_doc/" + OpenSearchSchema.CURSOR_ID,
                    NONE, null)).map(doc -> doc.path("_source")).orElse(null);
            cursor = stored == null ? 0 : stored.path(OpenSearchSchema.FEED_CURSOR).asLong();
            appliedAt = stored == null ? null : Instant.parse(stored.path(OpenSearchSchema.APPLIED_AT).asText());
        }

        boolean outdated() {
            return schema < OpenSearchSchema.SCHEMA;
        }

        /**
         * Applies one page of the feed (items at or below the cursor ignored, versions not newer than the indexed
         * one refused by OpenSearch), then stores {@code next} as the cursor and waits until all of it is searchable.
         */
        synchronized AppliedBatch apply(List<ChangeItem> items, long next) throws IOException {
            List<JsonNode> lines = new ArrayList<>();
            int skipped = 0;
            for (ChangeItem item : items) {
                if (item.cursor() <= cursor) {
                    skipped++;
                    continue;
                }
                ObjectNode action = OpenSearchSchema.object();
                action.putObject("index").put("_index", name).put("_id", Long.toString(item.speechId()))
                        .put("version", item.version()).put("version_type", "external");
                lines.add(action);
                lines.add(item.isDelete() || item.speech() == null
                        ? OpenSearchSchema.tombstone(item.speechId(), item.version())
                        : OpenSearchSchema.speech(item.speech(), compilation(item.speech())));
            }
            int applied = 0;
            if (!lines.isEmpty()) {
                JsonNode answer = client.bulk("/_bulk", NONE, lines);
                for (JsonNode result : answer.path("items")) {
                    int status = result.path("index").path("status").asInt();
                    if (status == 409) {
                        skipped++; // an equal or newer version is indexed already
                    } else if (status / 100 == 2) {
                        applied++;
                    } else {
                        throw new IOException("OpenSearch refused a change to speech " + result.path("index")
                                .path("_id").asText() + ": " + result.path("index").path("error"));
                    }
                }
            }
            long newCursor = Math.max(cursor, next);
            if (newCursor != cursor || applied > 0) {
                Instant now = Instant.now();
                // Versioned by the cursor itself: a cursor never goes back, whoever writes it.
                try {
                    client.send("PUT", "/" + name + "/_doc/" + OpenSearchSchema.CURSOR_ID, Map.of("refresh",
                            "wait_for", "version", Long.toString(newCursor), "version_type", "external_gte"),
                            OpenSearchSchema.cursor(newCursor, now.toString()));
                    cursor = newCursor;
                    appliedAt = now;
                } catch (IOException e) {
                    if (!OpenSearchClient.isConflict(e)) {
                        throw e;
                    }
                    LOG.warnf("The cursor of %s was moved past %d by another writer", name, newCursor);
                    readCursor();
                }
            }
            return new AppliedBatch(applied, skipped, cursor);
        }

        private Optional<Compilation> compilation(Speech speech) throws IOException {
            return speech.compilationId() == null ? Optional.empty() : compilations.find(speech.compilationId());
        }
    }

    /** The generation the alias names, or null when there is none yet. */
    private String liveGeneration() throws IOException {
        return client.find("GET", "/_alias/" + alias, NONE, null).map(found -> found.fieldNames().next())
                .orElse(null);
    }

    /** Generation 1 with the alias; false when it exists already (another replica opening at the same time). */
    private boolean createFirst() throws IOException {
        ObjectNode body = OpenSearchSchema.index(replicas);
        body.putObject("aliases").putObject(alias);
        return create(alias + "-1", body);
    }

    /** A new generation for a rebuild, one above the highest there is (the next when a replica took that one). */
    private String createNext() throws IOException {
        while (true) {
            int highest = 0;
            for (String name : generations()) {
                highest = Math.max(highest, Integer.parseInt(name.substring(alias.length() + 1)));
            }
            String name = alias + "-" + (highest + 1);
            if (create(name, OpenSearchSchema.index(replicas))) {
                return name;
            }
        }
    }

    /** Creates an index; false when one of that name exists (creating an index is atomic on the cluster). */
    private boolean create(String name, ObjectNode body) throws IOException {
        try {
            client.send("PUT", "/" + name, NONE, body);
            return true;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 400
                    && EntityUtils.toString(e.getResponse().getEntity()).contains("resource_already_exists_exception")) {
                return false;
            }
            throw e;
        }
    }

    /** Whether a generation was last written (its cursor, else its creation) longer than {@link #ABANDONED_AFTER} ago. */
    private boolean abandoned(String name) throws IOException {
        Optional<JsonNode> cursor = startedShard(() -> client.find("GET", "/" + name + "/_doc/"
                + OpenSearchSchema.CURSOR_ID, NONE, null)); // a rebuild may have created it a moment ago
        Instant written;
        if (cursor.isPresent() && cursor.get().path("_source").hasNonNull(OpenSearchSchema.APPLIED_AT)) {
            written = Instant.parse(cursor.get().path("_source").path(OpenSearchSchema.APPLIED_AT).asText());
        } else {
            JsonNode settings = client.send("GET", "/" + name + "/_settings/index.creation_date", NONE, null);
            written = Instant.ofEpochMilli(settings.path(name).path("settings").path("index").path("creation_date")
                    .asLong());
        }
        return written.isBefore(Instant.now().minus(ABANDONED_AFTER));
    }

    /**
     * A read of a generation that another replica may have created a moment ago: while its shard is still starting
     * OpenSearch refuses reads (503), for a few seconds.
     */
    private static <T> T startedShard(Call<T> read) throws IOException {
        long deadline = System.nanoTime() + SHARD_START.toNanos();
        while (true) {
            try {
                return read.call();
            } catch (ResponseException e) {
                if (e.getResponse().getStatusLine().getStatusCode() != 503 || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("waiting for the shard of a new generation");
                }
            }
        }
    }

    /** The generations of this alias on the cluster. */
    private List<String> generations() throws IOException {
        JsonNode found = client.send("GET", "/_cat/indices/" + alias + "-*", Map.of("format", "json", "h", "index"),
                null);
        List<String> names = new ArrayList<>();
        for (JsonNode index : found) {
            String name = index.path("index").asText();
            if (name.substring(alias.length() + 1).matches("[0-9]+")) {
                names.add(name);
            }
        }
        return names;
    }

    private ObjectNode aliasAction(String action, String index) {
        ObjectNode node = OpenSearchSchema.object();
        node.putObject(action).put("index", index).put("alias", alias);
        return node;
    }

    /** A search request: its query, the page, and the stored speech of each hit. */
    private static ObjectNode request(ObjectNode query, int from, int size) {
        ObjectNode body = OpenSearchSchema.object();
        body.set("query", query);
        body.put("from", from);
        body.put("size", size);
        body.putArray("_source").add(OpenSearchSchema.SPEECH);
        return body;
    }

    private List<Speech> speeches(ObjectNode body) throws IOException {
        JsonNode answer = read(index -> client.query("/" + index + "/_search", body));
        List<Speech> speeches = new ArrayList<>();
        answer.path("hits").path("hits").forEach(hit -> speeches.add(OpenSearchSchema.stored(hit.get("_source"))));
        return speeches;
    }

    @FunctionalInterface
    private interface IndexRead<T> {
        T apply(String index) throws IOException;
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws IOException;
    }

    /** A read of the live generation, through the alias: whichever replica swapped it in. */
    private <T> T read(IndexRead<T> work) throws IOException {
        if (current == null) {
            throw new IOException("the index is not open");
        }
        return work.apply(alias);
    }
}
