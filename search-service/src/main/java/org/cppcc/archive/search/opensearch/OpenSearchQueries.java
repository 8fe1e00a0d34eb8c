package org.cppcc.archive.search.opensearch;

import java.util.ArrayList;
import java.util.List;

import org.cppcc.archive.search.analysis.ChineseAnalyzers;
import org.cppcc.archive.search.doc.Fields;
import org.cppcc.archive.search.model.Filters;
import org.cppcc.archive.search.query.QueryParser.Clause;
import org.cppcc.archive.search.query.QueryParser.ParsedQuery;
import org.cppcc.archive.search.query.QueryParser.Term;
import org.cppcc.archive.search.query.SpeechQueries;
import org.cppcc.archive.search.similar.SimilarSpeeches;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A parsed query as OpenSearch's query DSL, clause for clause the Lucene query {@link SpeechQueries} builds (the
 * same fields, boosts and ties): a quoted phrase is a {@code match_phrase} on the character twins, a plain term the
 * better of a {@code match_phrase} on the bigram twins and all of its words as {@code term}s, the words cut here by
 * the same analyzer the index uses. The phrases are analysed by the server with the plugin's query analyzers, which
 * produce the very tokens and positions {@link SpeechQueries} gives its phrase queries.
 */
public final class OpenSearchQueries {

    /** Values counted per facet at most: every one of the archive's few thousand committees, below the bucket limit. */
    private static final int FACET_VALUES = 10_000;

    private final SpeechQueries lucene = new SpeechQueries();

    /** The text part of a search (no filters), or null when nothing in it is searchable. */
    public ObjectNode build(ParsedQuery parsed) {
        ObjectNode bool = object();
        ObjectNode clauses = bool.putObject("bool");
        int positive = 0;
        for (Clause clause : parsed.required()) {
            List<ObjectNode> alternatives = new ArrayList<>();
            for (Term term : clause.alternatives()) {
                ObjectNode q = term(term);
                if (q != null) {
                    alternatives.add(q);
                }
            }
            if (alternatives.isEmpty()) {
                continue;
            }
            if (alternatives.size() == 1) {
                clauses.withArray("must").add(alternatives.get(0));
            } else {
                ObjectNode any = object();
                alternatives.forEach(any.putObject("bool").putArray("should")::add);
                clauses.withArray("must").add(any);
            }
            positive++;
        }
        for (Term term : parsed.excluded()) {
            ObjectNode q = term(term);
            if (q != null) {
                clauses.withArray("must_not").add(q);
            }
        }
        if (positive == 0) {
            if (parsed.required().isEmpty() && !parsed.excluded().isEmpty()) {
                ObjectNode none = object();
                none.putObject("match_none");
                return none; // a query needs a term to search for
            }
            return null;
        }
        return bool;
    }

    /** One term: a quoted phrase matches exactly; a plain term as a substring (bigram phrase) or by its words. */
    public ObjectNode term(Term term) {
        return term.phrase() ? exact(term.text()) : ranked(term.text());
    }

    /** The whole query of a search: its text (everything when it has none) on speeches that pass the filters. */
    public ObjectNode search(ParsedQuery parsed, Filters filters) {
        ObjectNode text;
        if (parsed.isEmpty()) {
            text = object();
            text.putObject("match_all");
        } else {
            text = build(parsed);
        }
        return text == null ? null : filtered(text, filters);
    }

    /** {@code text}, restricted to speeches (never tombstones or the cursor) that pass {@code filters}. */
    public static ObjectNode filtered(ObjectNode text, Filters filters) {
        ObjectNode query = object();
        ObjectNode bool = query.putObject("bool");
        bool.putArray("must").add(text);
        ArrayNode filter = bool.putArray("filter");
        filter.add(term(Fields.KIND, Fields.KIND_SPEECH));
        if (filters.compilationId() != null) {
            filter.add(term(Fields.COMPILATION_ID, filters.compilationId().toString()));
        }
        exact(filter, Fields.F_REGION, filters.region());
        exact(filter, Fields.F_REGION_CODE, filters.regionCode());
        exact(filter, Fields.F_LEVEL, filters.level());
        exact(filter, Fields.F_COMMITTEE, filters.committee());
        exact(filter, Fields.F_SPEAKER_KIND, filters.speakerKind());
        if (filters.dateFrom() != null || filters.dateTo() != null) {
            ObjectNode range = object();
            ObjectNode date = range.putObject("range").putObject(Fields.DATE);
            if (filters.dateFrom() != null) {
                date.put("gte", filters.dateFrom().toEpochDay());
            }
            if (filters.dateTo() != null) {
                date.put("lte", filters.dateTo().toEpochDay());
            }
            filter.add(range);
        }
        return query;
    }

    /** The order of hits: best score first for a text query, then speech order (index order when untied). */
    public static ArrayNode sort(ParsedQuery parsed) {
        ArrayNode sort = OpenSearchSchema.JSON.createArrayNode();
        if (!parsed.isEmpty()) {
            sort.addObject().put("_score", "desc");
        }
        sort.addObject().put(Fields.ORDER, "asc");
        if (parsed.isEmpty()) {
            sort.addObject().put("_doc", "asc");
        }
        return sort;
    }

    /** Every facet's values over all matches, most matches first, then by value. */
    public static ObjectNode facets() {
        ObjectNode aggs = object();
        Fields.FACETS.forEach((name, field) -> {
            ObjectNode terms = aggs.putObject(name).putObject("terms");
            terms.put("field", field).put("size", FACET_VALUES);
            ArrayNode order = terms.putArray("order");
            order.addObject().put("_count", "desc");
            order.addObject().put("_key", "asc");
        });
        return aggs;
    }

    /** The words of {@code fields} longer than the folded {@code prefix} and beginning with it, by speeches. */
    public static ObjectNode frequentTerms(List<String> fields, String prefix, int limit) {
        StringBuilder pattern = new StringBuilder();
        prefix.codePoints().forEach(c -> pattern.append('\\').appendCodePoint(c));
        pattern.append(".+");
        ObjectNode aggs = object();
        for (String field : fields) {
            ObjectNode terms = aggs.putObject(field).putObject("terms");
            terms.put("field", field).put("size", limit).put("include", pattern.toString());
            ArrayNode order = terms.putArray("order");
            order.addObject().put("_count", "desc");
            order.addObject().put("_key", "asc");
        }
        return aggs;
    }

    /**
     * More like this, as {@link SimilarSpeeches} asks Lucene: the telling words of the speech's title, headings and
     * outline looked for in headings and titles (boosted), those of its body in bodies; the speech itself excluded.
     */
    public static ObjectNode similar(long speechId, String headings, String body) {
        ArrayNode like = OpenSearchSchema.JSON.createArrayNode();
        like.add(moreLikeThis(Fields.HEADINGS, headings, SimilarSpeeches.HEADINGS_BOOST));
        like.add(moreLikeThis(Fields.TITLE, headings, SimilarSpeeches.HEADINGS_BOOST));
        if (!body.isEmpty()) {
            like.add(moreLikeThis(Fields.BODY, body, 1f));
        }
        ObjectNode should = object();
        should.putObject("bool").set("should", like);
        ObjectNode query = filtered(should, Filters.none());
        ((ObjectNode) query.get("bool")).putArray("must_not").add(term(Fields.ID, Long.toString(speechId)));
        return query;
    }

    private static ObjectNode moreLikeThis(String field, String text, float boost) {
        ObjectNode query = object();
        ObjectNode mlt = query.putObject("more_like_this");
        mlt.putArray("fields").add(field);
        mlt.put("like", text);
        mlt.put("analyzer", ChineseAnalyzers.WORDS);
        mlt.put("min_term_freq", SimilarSpeeches.MIN_TERM_FREQ);
        mlt.put("min_doc_freq", SimilarSpeeches.MIN_DOC_FREQ);
        mlt.put("min_word_length", SimilarSpeeches.MIN_WORD_LENGTH);
        mlt.put("max_query_terms", SimilarSpeeches.MAX_QUERY_TERMS);
        // Lucene's MoreLikeThis with setBoost(true): each word boosted by its score over the best one's, and any
        // one of them enough to match.
        mlt.put("boost_terms", 1);
        mlt.put("minimum_should_match", "1");
        mlt.put("boost", boost);
        return query;
    }

    /** The speeches holding exactly this character sequence, in any text field. */
    private ObjectNode exact(String text) {
        if (!lucene.hasCharacters(text)) {
            return null;
        }
        List<ObjectNode> perField = new ArrayList<>();
        SpeechQueries.BOOSTS.forEach((field, boost) -> perField.add(
                phrase(OpenSearchSchema.characters(field), text, ChineseAnalyzers.CHARACTERS_QUERY, boost)));
        return disMax(perField, SpeechQueries.TIE, 1f);
    }

    private ObjectNode ranked(String text) {
        if (!lucene.hasBigrams(text)) {
            return null;
        }
        List<ObjectNode> phrase = new ArrayList<>();
        SpeechQueries.BOOSTS.forEach((field, boost) -> phrase.add(
                phrase(OpenSearchSchema.bigrams(field), text, ChineseAnalyzers.BIGRAMS_QUERY, boost)));
        List<String> words = lucene.words(text);
        if (words.isEmpty()) {
            return disMax(phrase, SpeechQueries.TIE, 1f);
        }
        ObjectNode allWords = object();
        ArrayNode must = allWords.putObject("bool").putArray("must");
        for (String word : words) {
            List<ObjectNode> perField = new ArrayList<>();
            SpeechQueries.BOOSTS.forEach((field, boost) -> {
                ObjectNode q = object();
                q.putObject("term").putObject(field).put("value", word).put("boost", (float) Math.sqrt(boost));
                perField.add(q);
            });
            must.add(disMax(perField, SpeechQueries.TIE, 1f));
        }
        return disMax(List.of(disMax(phrase, SpeechQueries.TIE, SpeechQueries.SUBSTRING_WEIGHT), allWords),
                SpeechQueries.WAYS_TIE, 1f);
    }

    private static ObjectNode phrase(String field, String text, String analyzer, float boost) {
        ObjectNode query = object();
        query.putObject("match_phrase").putObject(field).put("query", text).put("analyzer", analyzer)
                .put("boost", boost);
        return query;
    }

    private static ObjectNode disMax(List<ObjectNode> queries, float tie, float boost) {
        ObjectNode query = object();
        ObjectNode disMax = query.putObject("dis_max");
        queries.forEach(disMax.putArray("queries")::add);
        disMax.put("tie_breaker", tie);
        if (boost != 1f) {
            disMax.put("boost", boost);
        }
        return query;
    }

    private static ObjectNode term(String field, String value) {
        ObjectNode query = object();
        query.putObject("term").put(field, value);
        return query;
    }

    private static void exact(ArrayNode filter, String field, String value) {
        if (value != null && !value.isBlank()) {
            filter.add(term(field, value));
        }
    }

    private static ObjectNode object() {
        return OpenSearchSchema.object();
    }
}
