package org.cppcc.archive.search.facet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.cppcc.archive.search.doc.Fields;

/**
 * Counts the values of the facet fields over every matching speech: facet → value → matches, most matches first,
 * then by value. Each segment's matches are counted by ordinal and turned into values once per segment: looking a
 * value up for every match would decompress the terms dictionary again and again (it cost more than the search
 * itself).
 */
public final class FacetCounts implements CollectorManager<FacetCounts.Counter, Map<String, Map<String, Long>>> {

    /** Facet name in the answer → the exact-value field it counts. */
    private static final Map<String, String> FACETS = new LinkedHashMap<>();
    static {
        FACETS.put("region", Fields.F_REGION);
        FACETS.put("level", Fields.F_LEVEL);
        FACETS.put("committee", Fields.F_COMMITTEE);
        FACETS.put("speakerKind", Fields.F_SPEAKER_KIND);
        FACETS.put("compilation", Fields.F_COMPILATION);
    }
    private static final List<String> NAMES = List.copyOf(FACETS.keySet());
    private static final List<String> FIELDS = List.copyOf(FACETS.values());

    /** Every facet with no value: the answer when nothing can match. */
    public static Map<String, Map<String, Long>> empty() {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        NAMES.forEach(k -> facets.put(k, Map.of()));
        return facets;
    }

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public Map<String, Map<String, Long>> reduce(Collection<Counter> collectors) throws IOException {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (Counter counter : collectors) {
            counter.addSegmentCounts();
        }
        for (int i = 0; i < NAMES.size(); i++) {
            Map<String, Long> merged = new TreeMap<>();
            for (Counter counter : collectors) {
                counter.totals.get(i).forEach((k, v) -> merged.merge(k, v, Long::sum));
            }
            Map<String, Long> sorted = new LinkedHashMap<>();
            merged.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            facets.put(NAMES.get(i), sorted);
        }
        return facets;
    }

    /** One slice's counts. */
    public static final class Counter extends SimpleCollector {
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
