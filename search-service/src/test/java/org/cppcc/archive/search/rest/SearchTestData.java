package org.cppcc.archive.search.rest;

import java.io.IOException;
import java.util.List;

import org.cppcc.archive.search.index.SpeechIndex;
import org.cppcc.archive.search.index.TestSpeeches;

/** The four test speeches, applied as the feed's first four changes to the fresh index of {@link FreshIndexProfile}. */
final class SearchTestData {

    private SearchTestData() {
    }

    static void seed(SpeechIndex index) throws IOException {
        if (index.cursor() == 0) {
            index.apply(0, List.of(TestSpeeches.upsert(1, TestSpeeches.neijiang(1)),
                    TestSpeeches.upsert(2, TestSpeeches.bazhong(1)),
                    TestSpeeches.upsert(3, TestSpeeches.shunqing(1)),
                    TestSpeeches.upsert(4, TestSpeeches.wusheng(1))), 4);
        }
        if (index.cursor() != 4 || index.speechCount() != 4) {
            throw new IllegalStateException("the test index holds something else: cursor " + index.cursor());
        }
    }
}
