package org.cppcc.archive.stats.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ResultCacheTest {

    final AtomicLong generation = new AtomicLong();
    final AtomicInteger computed = new AtomicInteger();
    final ResultCache cache = new ResultCache(generation::get, 2);

    int compute() {
        return computed.incrementAndGet();
    }

    @Test
    void anAnswerIsKeptUntilTheNextWrite() {
        assertEquals(1, (int) cache.get(ResultCache.key("overview"), this::compute));
        assertEquals(1, (int) cache.get(ResultCache.key("overview"), this::compute));
        generation.incrementAndGet();
        assertEquals(2, (int) cache.get(ResultCache.key("overview"), this::compute));
    }

    @Test
    void parametersAreComparedOneByOne() {
        assertEquals(1, (int) cache.get(ResultCache.key("facts", "a,b", null), this::compute));
        assertEquals(2, (int) cache.get(ResultCache.key("facts", "a", "b"), this::compute));
        assertEquals(3, (int) cache.get(ResultCache.key("facts", null, "a,b"), this::compute));
    }

    @Test
    void anAnswerComputedDuringAWriteIsNotServedAfterIt() {
        cache.get(ResultCache.key("platforms"), () -> {
            generation.incrementAndGet(); // the feed writes while the answer is being computed
            return compute();
        });
        assertEquals(2, (int) cache.get(ResultCache.key("platforms"), this::compute));
    }

    @Test
    void theLeastRecentlyUsedAnswerMakesRoom() {
        cache.get(ResultCache.key("a"), this::compute); // 1
        cache.get(ResultCache.key("b"), this::compute); // 2
        cache.get(ResultCache.key("a"), this::compute); // still 1, now the most recent
        cache.get(ResultCache.key("c"), this::compute); // 3, evicts b
        assertEquals(1, (int) cache.get(ResultCache.key("a"), this::compute));
        assertEquals(4, (int) cache.get(ResultCache.key("b"), this::compute));
    }
}
