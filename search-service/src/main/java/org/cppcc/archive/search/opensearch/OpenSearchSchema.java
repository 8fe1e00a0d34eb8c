package org.cppcc.archive.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.cppcc.archive.search.analysis.ChineseAnalyzers;
import org.cppcc.archive.search.change.Compilation;
import org.cppcc.archive.search.change.Speech;
import org.cppcc.archive.search.doc.Fields;
import org.cppcc.archive.search.doc.IndexedSpeech;
import org.cppcc.archive.search.suggest.Suggester;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The OpenSearch index of speeches: the same fields as the Lucene index ({@link Fields}), each text field analysed
 * as words, with its bigram ({@code .bi}) and character ({@code .ch}) twins as sub-fields, by the analyzers of the
 * archive's plugin, which are the Lucene index's own classes ({@link ChineseAnalyzers#byName()}). One shard, so
 * that scores use the statistics of the whole archive (as the Lucene index's do) and a bulk request is applied in
 * order: the cursor document written last in it is durable only with everything before it.
 *
 * <p>The speech a hit shows is kept in the source ({@code speech}, not indexed); the indexed texts are left out of
 * the source (a rebuild reads the feed, never the index).
 */
public final class OpenSearchSchema {

    /** The version of this mapping, in the index's {@code _meta}: an index of an older one is rebuilt. */
    public static final int SCHEMA = 1;
    /** The document holding the feed cursor, in the same index as the speeches it covers. */
    public static final String CURSOR_ID = "feed-cursor";
    public static final String KIND_CURSOR = "cursor";
    public static final String SPEECH = "speech";
    public static final String FEED_CURSOR = "feedCursor";
    public static final String APPLIED_AT = "appliedAt";
    /** Hits per page at most (page × size ≤ 10,000, plus the page itself). */
    static final int MAX_RESULT_WINDOW = 10_100;

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private OpenSearchSchema() {
    }

    /** An empty JSON object, to build a request in. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static String bigrams(String field) {
        return field + ".bi";
    }

    public static String characters(String field) {
        return field + ".ch";
    }

    /** Settings and mapping of a new index generation with {@code replicas} replicas of its one shard. */
    public static ObjectNode index(int replicas) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode settings = body.putObject("settings").putObject("index");
        settings.put("number_of_shards", 1);
        settings.put("number_of_replicas", replicas);
        settings.put("max_result_window", MAX_RESULT_WINDOW);
        ObjectNode mappings = body.putObject("mappings");
        mappings.put("dynamic", "strict");
        mappings.putObject("_meta").put("schema", SCHEMA);
        ArrayNode excludes = mappings.putObject("_source").putArray("excludes");
        ObjectNode properties = mappings.putObject("properties");
        keyword(properties, Fields.ID);
        keyword(properties, Fields.KIND);
        properties.putObject(Fields.VERSION).put("type", "long");
        properties.putObject(Fields.ORDER).put("type", "integer");
        properties.putObject(Fields.COMPILATION_ID).put("type", "long");
        properties.putObject(Fields.DATE).put("type", "long");
        for (String field : Fields.TEXT) {
            ObjectNode text = properties.putObject(field);
            text.put("type", "text").put("analyzer", ChineseAnalyzers.WORDS);
            ObjectNode twins = text.putObject("fields");
            twins.putObject("bi").put("type", "text").put("analyzer", ChineseAnalyzers.BIGRAMS_INDEX)
                    .put("search_analyzer", ChineseAnalyzers.BIGRAMS_QUERY);
            twins.putObject("ch").put("type", "text").put("analyzer", ChineseAnalyzers.CHARACTERS_INDEX)
                    .put("search_analyzer", ChineseAnalyzers.CHARACTERS_QUERY);
            // The words of the fields a prefix is completed from are counted by a terms aggregation.
            text.put("fielddata", Suggester.TERM_FIELDS.contains(field));
            excludes.add(field);
        }
        for (String field : Fields.FACETS.values()) {
            keyword(properties, field);
        }
        keyword(properties, Fields.F_REGION_CODE);
        properties.putObject(SPEECH).put("type", "object").put("enabled", false);
        properties.putObject(FEED_CURSOR).put("type", "long");
        properties.putObject(APPLIED_AT).put("type", "keyword").put("index", false);
        return body;
    }

    /** The document of a speech: its texts to analyse, its exact values, and the speech itself for its hits. */
    public static ObjectNode speech(Speech speech, Optional<Compilation> compilation) {
        ObjectNode doc = identity(speech.id(), speech.version(), Fields.KIND_SPEECH);
        IndexedSpeech.walk(speech, compilation, new IndexedSpeech.Sink() {
            @Override
            public void text(String field, String value) {
                JsonNode values = doc.get(field);
                (values == null ? doc.putArray(field) : (ArrayNode) values).add(value);
            }

            @Override
            public void exact(String field, String value) {
                doc.put(field, value);
            }

            @Override
            public void number(String field, long value) {
                doc.put(field, value);
            }

            @Override
            public void order(int order) {
                doc.put(Fields.ORDER, order);
            }
        });
        doc.set(SPEECH, JSON.valueToTree(speech));
        return doc;
    }

    /** What a delete leaves behind: the id and the version that deleted it, so an older upsert stays out. */
    public static ObjectNode tombstone(long speechId, long version) {
        return identity(speechId, version, Fields.KIND_TOMBSTONE);
    }

    /** The cursor document. */
    public static ObjectNode cursor(long cursor, String appliedAt) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put(Fields.KIND, KIND_CURSOR);
        doc.put(FEED_CURSOR, cursor);
        doc.put(APPLIED_AT, appliedAt);
        return doc;
    }

    /** The speech of a hit's source. */
    public static Speech stored(JsonNode source) {
        try {
            return JSON.treeToValue(source.get(SPEECH), Speech.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a hit's stored speech cannot be read", e);
        }
    }

    private static ObjectNode identity(long id, long version, String kind) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put(Fields.ID, Long.toString(id));
        doc.put(Fields.KIND, kind);
        doc.put(Fields.VERSION, version);
        return doc;
    }

    private static void keyword(ObjectNode properties, String field) {
        properties.putObject(field).put("type", "keyword");
    }
}
