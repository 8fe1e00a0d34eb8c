package org.cppcc.archive.search.index;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.cppcc.archive.search.analysis.ChineseAnalyzers;
import org.cppcc.archive.search.analysis.Highlighter;
import org.cppcc.archive.search.analysis.TextNormalizer;
import org.cppcc.archive.search.index.SearchModel.Filters;
import org.cppcc.archive.search.index.SearchModel.Highlight;
import org.cppcc.archive.search.index.SearchModel.Hit;
import org.cppcc.archive.search.index.SearchModel.Result;
import org.cppcc.archive.search.index.SearchModel.Suggestion;
import org.cppcc.archive.search.query.QueryParser.ParsedQuery;

/** Search, suggestions and more-like-this over an acquired {@link IndexSearcher}. */
public final class SpeechSearcher {

    static final int FRAGMENT_CHARS = 120;
    static final int MAX_HIGHLIGHTS = 3;
    private static final Map<String, String> FACETS = new LinkedHashMap<>();
    static {
        FACETS.put("region", Fields.F_REGION);
        FACETS.put("level", Fields.F_LEVEL);
        FACETS.put("committee", Fields.F_COMMITTEE);
        FACETS.put("speakerKind", Fields.F_SPEAKER_KIND);
        FACETS.put("compilation", Fields.F_COMPILATION);
    }

    private final SpeechQueries queries = new SpeechQueries();

    /** One page of hits (page 0-based) with facet counts over all matches. */
    public Result search(IndexSearcher searcher, ParsedQuery parsed, Filters filters, int page, int size)
            throws IOException {
        Query query = query(parsed, filters);
        if (query == null) {
            return new Result(0, List.of(), emptyFacets());
        }
        boolean scored = !parsed.isEmpty();
        int wanted = Math.max(1, (page + 1) * size);
        TopFieldCollectorManager top = new TopFieldCollectorManager(sort(parsed), wanted, null, Integer.MAX_VALUE);
        Object[] both = searcher.search(query, new org.apache.lucene.search.MultiCollectorManager(top,
                new FacetManager()));
        TopDocs docs = (TopDocs) both[0];
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Long>> facets = (Map<String, Map<String, Long>>) both[1];
        List<String> needles = queries.needles(parsed);
        List<Hit> hits = new ArrayList<>();
        ScoreDoc[] scoreDocs = docs.scoreDocs;
        StoredFields stored = searcher.storedFields();
        for (int i = page * size; i < scoreDocs.length; i++) {
            FieldDoc doc = (FieldDoc) scoreDocs[i];
            float score = scored && doc.fields[0] instanceof Float f ? f : 0f;
            Speech speech = SpeechDocuments.source(stored.document(doc.doc));
            hits.add(hit(speech, score, highlights(speech, needles)));
        }
        return new Result(docs.totalHits.value(), hits, facets);
    }

    /**
     * The Lucene query a search runs: its terms (everything when there are none) and its filters, on speeches
     * only; null when the query has terms but none is searchable.
     */
    public Query query(ParsedQuery parsed, Filters filters) {
        Query text = parsed.isEmpty() ? new MatchAllDocsQuery() : queries.build(parsed);
        return text == null ? null : withFilters(text, filters);
    }

    /** The order of hits: best score first for a text query, then speech order. */
    public static Sort sort(ParsedQuery parsed) {
        return parsed.isEmpty() ? new Sort(new SortField(Fields.ORDER, SortField.Type.INT), SortField.FIELD_DOC)
                : new Sort(SortField.FIELD_SCORE, new SortField(Fields.ORDER, SortField.Type.INT));
    }

    /** Completions for a prefix: titles and headings first, then frequent words of the body. */
    public List<Suggestion> suggest(IndexSearcher searcher, String prefix, int limit) throws IOException {
        String folded = TextNormalizer.normalize(prefix).strip();
        if (folded.isEmpty()) {
            return List.of();
        }
        Map<String, Suggestion> found = new LinkedHashMap<>();
        List<Suggestion> contains = new ArrayList<>();
        Query phrase = queries.term(new org.cppcc.archive.search.query.QueryParser.Term(prefix.strip(), true));
        if (phrase != null) {
            Query onSpeeches = withFilters(phrase, Filters.none());
            TopDocs docs = searcher.search(onSpeeches, 50);
            for (ScoreDoc sd : docs.scoreDocs) {
                Speech speech = SpeechDocuments.source(searcher.storedFields().document(sd.doc));
                List<Suggestion> candidates = new ArrayList<>();
                candidates.add(new Suggestion(speech.title(), "title"));
                speech.sections().forEach(s -> candidates.add(new Suggestion(s.heading(), "heading")));
                speech.outline().forEach(o -> candidates.add(new Suggestion(o, "heading")));
                for (Suggestion candidate : candidates) {
                    if (candidate.text() == null) {
                        continue;
                    }
                    String text = TextNormalizer.normalize(candidate.text());
                    if (text.startsWith(folded)) {
                        found.putIfAbsent(candidate.text(), candidate);
                    } else if (text.contains(folded)) {
                        contains.add(candidate);
                    }
                }
            }
        }
        contains.forEach(c -> found.putIfAbsent(c.text(), c));
        List<Suggestion> out = new ArrayList<>(found.values()).subList(0, Math.min(found.size(), limit));
        List<Suggestion> result = new ArrayList<>(out);
        if (result.size() < limit) {
            for (String term : frequentTerms(searcher, folded, limit)) {
                if (result.size() >= limit) {
                    break;
                }
                if (result.stream().noneMatch(s -> s.text().equals(term))) {
                    result.add(new Suggestion(term, "term"));
                }
            }
        }
        return result;
    }

    /** Speeches like the given one, best first; empty when the speech is not indexed. */
    public Optional<List<Hit>> similar(IndexSearcher searcher, long speechId, int limit) throws IOException {
        Query self = new TermQuery(new Term(Fields.ID, Long.toString(speechId)));
        BooleanQuery live = new BooleanQuery.Builder().add(self, Occur.MUST)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_SPEECH)), Occur.FILTER).build();
        TopDocs own = searcher.search(live, 1);
        if (own.scoreDocs.length == 0) {
            return Optional.empty();
        }
        Speech speech = SpeechDocuments.source(searcher.storedFields().document(own.scoreDocs[0].doc));
        StringBuilder headings = new StringBuilder(nullToEmpty(speech.title()));
        speech.sections().forEach(s -> headings.append('\n').append(s.heading()));
        speech.outline().forEach(o -> headings.append('\n').append(o));
        StringBuilder body = new StringBuilder();
        speech.lead().forEach(l -> body.append(l).append('\n'));
        speech.sections().forEach(s -> s.paragraphs().forEach(p -> body.append(p.text()).append('\n')));

        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(ChineseAnalyzers.words());
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMinWordLen(2);
        mlt.setMaxQueryTerms(30);
        mlt.setBoost(true);
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        mlt.setFieldNames(new String[] { Fields.HEADINGS });
        like.add(new BoostQuery(mlt.like(Fields.HEADINGS, new StringReader(headings.toString())), 2f),
                Occur.SHOULD);
        mlt.setFieldNames(new String[] { Fields.TITLE });
        like.add(new BoostQuery(mlt.like(Fields.TITLE, new StringReader(headings.toString())), 2f), Occur.SHOULD);
        if (!body.isEmpty()) {
            mlt.setFieldNames(new String[] { Fields.BODY });
            like.add(mlt.like(Fields.BODY, new StringReader(body.toString())), Occur.SHOULD);
        }
        Query query = new BooleanQuery.Builder().add(like.build(), Occur.MUST).add(self, Occur.MUST_NOT)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_SPEECH)), Occur.FILTER).build();
        TopDocs docs = searcher.search(query, limit);
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc sd : docs.scoreDocs) {
            Speech other = SpeechDocuments.source(searcher.storedFields().document(sd.doc));
            hits.add(hit(other, sd.score, List.of()));
        }
        return Optional.of(hits);
    }

    private static Hit hit(Speech speech, float score, List<Highlight> highlights) {
        return new Hit(speech.id(), speech.order(), speech.title(), speech.committee(), speech.region(), score,
                highlights);
    }

    /** The best fragments: the title when it matches, then the passages with the most matches. */
    static List<Highlight> highlights(Speech speech, List<String> needles) {
        if (needles.isEmpty()) {
            return List.of();
        }
        record Candidate(Highlight highlight, int matches, int rank) {
        }
        List<Candidate> candidates = new ArrayList<>();
        add(candidates, "title", null, null, speech.title(), needles, 3, Candidate::new);
        for (int s = 0; s < speech.sections().size(); s++) {
            add(candidates, "heading", s, null, speech.sections().get(s).heading(), needles, 2, Candidate::new);
        }
        for (int o = 0; o < speech.outline().size(); o++) {
            add(candidates, "outline", null, o, speech.outline().get(o), needles, 1, Candidate::new);
        }
        for (int l = 0; l < speech.lead().size(); l++) {
            add(candidates, "lead", null, l, speech.lead().get(l), needles, 0, Candidate::new);
        }
        for (int s = 0; s < speech.sections().size(); s++) {
            List<Speech.Paragraph> paragraphs = speech.sections().get(s).paragraphs();
            for (int p = 0; p < paragraphs.size(); p++) {
                add(candidates, "paragraph", s, p, paragraphs.get(p).text(), needles, 0, Candidate::new);
            }
        }
        add(candidates, "committee", null, null, speech.committee(), needles, -1, Candidate::new);
        return candidates.stream()
                .sorted(Comparator.comparingInt((Candidate c) -> c.rank() > 0 ? 1000 + c.rank() : c.matches())
                        .reversed())
                .limit(MAX_HIGHLIGHTS)
                .map(Candidate::highlight)
                .toList();
    }

    private interface CandidateFactory<C> {
        C create(Highlight highlight, int matches, int rank);
    }

    private static <C> void add(List<C> out, String field, Integer section, Integer paragraph, String text,
            List<String> needles, int rank, CandidateFactory<C> factory) {
        Highlighter.Fragment fragment = Highlighter.highlight(text, needles, FRAGMENT_CHARS);
        if (fragment != null && fragment.matches() > 0) {
            out.add(factory.create(new Highlight(field, section, paragraph, fragment.html()), fragment.matches(),
                    rank));
        }
    }

    private static Query withFilters(Query text, Filters filters) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_SPEECH)), Occur.FILTER);
        if (filters.compilationId() != null) {
            query.add(LongPoint.newExactQuery(Fields.COMPILATION_ID, filters.compilationId()), Occur.FILTER);
        }
        exact(query, Fields.F_REGION, filters.region());
        exact(query, Fields.F_REGION_CODE, filters.regionCode());
        exact(query, Fields.F_LEVEL, filters.level());
        exact(query, Fields.F_COMMITTEE, filters.committee());
        exact(query, Fields.F_SPEAKER_KIND, filters.speakerKind());
        if (filters.dateFrom() != null || filters.dateTo() != null) {
            long from = filters.dateFrom() == null ? Long.MIN_VALUE : filters.dateFrom().toEpochDay();
            long to = filters.dateTo() == null ? Long.MAX_VALUE : filters.dateTo().toEpochDay();
            query.add(LongPoint.newRangeQuery(Fields.DATE, from, to), Occur.FILTER);
        }
        return query.build();
    }

    private static void exact(BooleanQuery.Builder query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    private static List<String> frequentTerms(IndexSearcher searcher, String prefix, int limit) throws IOException {
        Map<String, Integer> freq = new HashMap<>();
        for (String field : List.of(Fields.BODY, Fields.TITLE, Fields.HEADINGS)) {
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
            if (terms == null) {
                continue;
            }
            TermsEnum it = terms.iterator();
            BytesRef start = new BytesRef(prefix);
            if (it.seekCeil(start) == TermsEnum.SeekStatus.END) {
                continue;
            }
            int seen = 0;
            do {
                String term = it.term().utf8ToString();
                if (!term.startsWith(prefix)) {
                    break;
                }
                if (term.length() > prefix.length()) {
                    freq.merge(term, it.docFreq(), Integer::sum);
                }
            } while (++seen < 1000 && it.next() != null);
        }
        return freq.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    private static Map<String, Map<String, Long>> emptyFacets() {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        FACETS.keySet().forEach(k -> facets.put(k, Map.of()));
        return facets;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * Counts the values of the facet fields over every matching speech. Each segment's matches are counted by
     * ordinal and turned into values once per segment: looking a value up for every match would decompress the
     * terms dictionary again and again (it cost more than the search itself).
     */
    static final class FacetManager implements CollectorManager<FacetManager.Counter, Map<String, Map<String, Long>>> {

        @Override
        public Counter newCollector() {
            return new Counter();
        }

        @Override
        public Map<String, Map<String, Long>> reduce(java.util.Collection<Counter> collectors) throws IOException {
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            List<String> names = List.copyOf(FACETS.keySet());
            for (Counter counter : collectors) {
                counter.addSegmentCounts();
            }
            for (int i = 0; i < names.size(); i++) {
                Map<String, Long> merged = new TreeMap<>();
                for (Counter counter : collectors) {
                    counter.totals.get(i).forEach((k, v) -> merged.merge(k, v, Long::sum));
                }
                Map<String, Long> sorted = new LinkedHashMap<>();
                merged.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
                facets.put(names.get(i), sorted);
            }
            return facets;
        }

        static final class Counter extends SimpleCollector {
            private static final List<String> FIELDS = List.copyOf(FACETS.values());
            /** Per facet: value → matches in the segments already counted. */
            final List<Map<String, Long>> totals = new ArrayList<>();
            /** Per facet, for the current segment: its doc values and the matches per ordinal. */
            private final SortedDocValues[] values = new SortedDocValues[FIELDS.size()];
            private final int[][] perOrd = new int[FIELDS.size()][];

            Counter() {
                FIELDS.forEach(f -> totals.add(new HashMap<>()));
            }

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                addSegmentCounts();
                for (int i = 0; i < values.length; i++) {
                    values[i] = DocValues.getSorted(context.reader(), FIELDS.get(i));
                    perOrd[i] = new int[(int) values[i].getValueCount()];
                }
            }

            @Override
            public void collect(int doc) throws IOException {
                for (int i = 0; i < values.length; i++) {
                    if (values[i].advanceExact(doc)) {
                        perOrd[i][values[i].ordValue()]++;
                    }
                }
            }

            /** Adds the current segment's counts to the totals by value (once: they are reset). */
            void addSegmentCounts() throws IOException {
                for (int i = 0; i < values.length; i++) {
                    int[] counts = perOrd[i];
                    if (counts == null) {
                        continue;
                    }
                    for (int ord = 0; ord < counts.length; ord++) {
                        if (counts[ord] > 0) {
                            totals.get(i).merge(values[i].lookupOrd(ord).utf8ToString(), (long) counts[ord],
                                    Long::sum);
                        }
                    }
                    perOrd[i] = null;
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }
}
