package org.cppcc.archive.stats.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The last answers of the aggregation endpoints, each valid while the store's write generation is the one it
 * was computed at. Dashboards poll the same few questions, and the answers change only when the feed or a
 * curation writes; serving the kept answer saves folding every speech's figures again.
 * An answer computed while a write happens carries the generation read before it started, so it is never
 * served after that write.
 */
final class ResultCache {

    private record Answer(long generation, Object value) {
    }

    private final LongSupplier generation;
    private final Map<List<Object>, Answer> entries;

    ResultCache(LongSupplier generation, int capacity) {
        this.generation = generation;
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Object>, Answer> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached answer to {@code key} at the current generation, else {@code compute}'s (then cached). */
    @SuppressWarnings("unchecked")
    <T> T get(List<Object> key, Supplier<T> compute) {
        long current = generation.getAsLong();
        synchronized (entries) {
            Answer entry = entries.get(key);
            if (entry != null && entry.generation() == current) {
                return (T) entry.value();
            }
        }
        T value = compute.get();
        synchronized (entries) {
            entries.put(key, new Answer(current, value));
        }
        return value;
    }

    /** A query's name and its parameters (nulls allowed), compared element by element. */
    static List<Object> key(String query, Object... parameters) {
        List<Object> key = new ArrayList<>(parameters.length + 1);
        key.add(query);
        key.addAll(Arrays.asList(parameters));
        return key;
    }
}
