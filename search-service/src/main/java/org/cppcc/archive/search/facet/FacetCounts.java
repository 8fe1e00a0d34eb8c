package org.cppcc.archive.search.facet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;
import org.cppcc.archive.search.doc.Fields;

/**
 * Counts the values of the facet fields over every matching speech: facet → value → matches, most matches first,
 * then by value. Matches are counted by segment ordinal, each segment's counts added by global ordinal when the
 * segment is done, and a value is looked up once per query, for the global ordinals that were counted: looking a
 * value up for every match, or for every segment, would decompress the terms dictionary again and again (with a
 * few thousand committees in twenty segments it cost more than the search itself). The global ordinals of a reader
 * ({@link OrdinalMap}) are built once, at its first search, and kept as long as the reader lives.
 */
public final class FacetCounts implements CollectorManager<FacetCounts.Counter, Map<String, Map<String, Long>>> {

    private static final List<String> NAMES = List.copyOf(Fields.FACETS.keySet());
    private static final List<String> FIELDS = List.copyOf(Fields.FACETS.values());

    /** Global ordinals per open reader (by its cache key; removed when the reader closes). */
    private static final Map<IndexReader.CacheKey, GlobalOrdinals> CACHE = new ConcurrentHashMap<>();

    /** Every facet with no value: the answer when nothing can match. */
    public static Map<String, Map<String, Long>> empty() {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        NAMES.forEach(k -> facets.put(k, Map.of()));
        return facets;
    }

    private final IndexReader reader;
    private final GlobalOrdinals global;

    /** Facets over the matches of a search on {@code reader} (the searcher's top reader). */
    public FacetCounts(IndexReader reader) throws IOException {
        this.reader = reader;
        this.global = globalOrdinals(reader);
    }

    @Override
    public Counter newCollector() {
        return new Counter(global);
    }

    @Override
    public Map<String, Map<String, Long>> reduce(Collection<Counter> collectors) throws IOException {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (int f = 0; f < FIELDS.size(); f++) {
            long[] counts = new long[(int) global.valueCount(f)];
            for (Counter counter : collectors) {
                counter.addSegmentCounts();
                long[] mine = counter.totals[f];
                for (int g = 0; g < mine.length; g++) {
                    counts[g] += mine[g];
                }
            }
            SortedDocValues[] lookups = new SortedDocValues[reader.leaves().size()];
            List<Map.Entry<String, Long>> found = new ArrayList<>();
            for (int g = 0; g < counts.length; g++) {
                if (counts[g] > 0) {
                    found.add(Map.entry(global.lookup(f, g, reader, lookups), counts[g]));
                }
            }
            found.sort(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey()));
            Map<String, Long> sorted = new LinkedHashMap<>();
            found.forEach(e -> sorted.put(e.getKey(), e.getValue()));
            facets.put(NAMES.get(f), sorted);
        }
        return facets;
    }

    private static GlobalOrdinals globalOrdinals(IndexReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return GlobalOrdinals.build(reader);
        }
        GlobalOrdinals known = CACHE.get(helper.getKey());
        if (known == null) {
            known = GlobalOrdinals.build(reader);
            if (CACHE.putIfAbsent(helper.getKey(), known) == null) {
                helper.addClosedListener(CACHE::remove);
            }
        }
        return known;
    }

    /** Per facet field, its values over all segments of a reader: segment ordinal → global ordinal → value. */
    private static final class GlobalOrdinals {
        /** Per facet: the map over the segments, or null when one segment (or none) holds the field. */
        private final OrdinalMap[] maps;
        /** Per facet: the number of values, when there is no map. */
        private final long[] single;

        private GlobalOrdinals(OrdinalMap[] maps, long[] single) {
            this.maps = maps;
            this.single = single;
        }

        static GlobalOrdinals build(IndexReader reader) throws IOException {
            List<LeafReaderContext> leaves = reader.leaves();
            OrdinalMap[] maps = new OrdinalMap[FIELDS.size()];
            long[] single = new long[FIELDS.size()];
            for (int f = 0; f < FIELDS.size(); f++) {
                if (leaves.size() <= 1) {
                    single[f] = leaves.isEmpty() ? 0
                            : DocValues.getSorted(leaves.get(0).reader(), FIELDS.get(f)).getValueCount();
                    continue;
                }
                SortedDocValues[] values = new SortedDocValues[leaves.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = DocValues.getSorted(leaves.get(i).reader(), FIELDS.get(f));
                }
                maps[f] = OrdinalMap.build(null, values, PackedInts.DEFAULT);
            }
            return new GlobalOrdinals(maps, single);
        }

        long valueCount(int facet) {
            return maps[facet] == null ? single[facet] : maps[facet].getValueCount();
        }

        LongValues segmentToGlobal(int facet, int segment) {
            return maps[facet] == null ? LongValues.IDENTITY : maps[facet].getGlobalOrds(segment);
        }

        String lookup(int facet, long globalOrd, IndexReader reader, SortedDocValues[] lookups) throws IOException {
            int segment = maps[facet] == null ? 0 : maps[facet].getFirstSegmentNumber(globalOrd);
            long ord = maps[facet] == null ? globalOrd : maps[facet].getFirstSegmentOrd(globalOrd);
            if (lookups[segment] == null) {
                lookups[segment] = DocValues.getSorted(reader.leaves().get(segment).reader(), FIELDS.get(facet));
            }
            return lookups[segment].lookupOrd((int) ord).utf8ToString();
        }
    }

    /** One slice's counts. */
    public static final class Counter extends SimpleCollector {
        private final GlobalOrdinals global;
        /** Per facet: matches per global ordinal in the segments already counted. */
        final long[][] totals = new long[FIELDS.size()][];
        /** Per facet, for the current segment: its doc values, the matches per ordinal, the map to global ones. */
        private final SortedDocValues[] values = new SortedDocValues[FIELDS.size()];
        private final int[][] perOrd = new int[FIELDS.size()][];
        private final LongValues[] toGlobal = new LongValues[FIELDS.size()];

        Counter(GlobalOrdinals global) {
            this.global = global;
            for (int f = 0; f < totals.length; f++) {
                totals[f] = new long[(int) global.valueCount(f)];
            }
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            addSegmentCounts();
            for (int i = 0; i < values.length; i++) {
                values[i] = DocValues.getSorted(context.reader(), FIELDS.get(i));
                perOrd[i] = new int[(int) values[i].getValueCount()];
                toGlobal[i] = global.segmentToGlobal(i, context.ord);
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

        /** Adds the current segment's counts to the totals by global ordinal (once: they are reset). */
        void addSegmentCounts() {
            for (int i = 0; i < values.length; i++) {
                int[] counts = perOrd[i];
                if (counts == null) {
                    continue;
                }
                long[] total = totals[i];
                LongValues map = toGlobal[i];
                for (int ord = 0; ord < counts.length; ord++) {
                    if (counts[ord] > 0) {
                        total[(int) map.get(ord)] += counts[ord];
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
