package org.cppcc.archive.stats.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The feed head the consumer records, from which /api/v1/stats/status computes the lag. */
class FeedConsumerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static long head(String page, long next) throws Exception {
        return FeedConsumer.feedHead(JSON.readTree(page), next);
    }

    @Test
    void theHeadTheFeedReportsIsTakenAsIs() throws Exception {
        assertEquals(40, head("{\"items\":[{\"cursor\":10}],\"next\":10,\"head\":40}", 10));
        assertEquals(0, head("{\"items\":[],\"next\":0,\"head\":0}", 0));
    }

    @Test
    void withoutAHeadTheLastCursorIsAllThatIsKnown() throws Exception {
        assertEquals(10, head("{\"items\":[{\"cursor\":10}],\"next\":10}", 10));
        assertEquals(10, head("{\"items\":[],\"next\":10,\"head\":null}", 10));
    }

    @Test
    void aHeadBehindTheCursorNeverMakesTheLagNegative() throws Exception {
        assertEquals(12, head("{\"items\":[],\"next\":12,\"head\":3}", 12));
    }
}
