package org.cppcc.archive.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cppcc.archive.search.change.ChangeItem;
import org.cppcc.archive.search.model.Filters;
import org.cppcc.archive.search.query.QueryParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index generations: a rebuild fills a fresh one while searches use the old, then swaps atomically. */
class LuceneSpeechIndexTest {

    @TempDir
    Path root;

    @Test
    void rebuildSwapsInAFreshGenerationWhileTheOldOneAnswers() throws Exception {
        LuceneSpeechIndex index = new LuceneSpeechIndex(root, TestSpeeches.COMPILATIONS);
        index.open();
        try {
            index.apply(0, List.of(TestSpeeches.upsert(1, TestSpeeches.neijiang(1)),
                    TestSpeeches.upsert(2, TestSpeeches.bazhong(1))), 2);
            // A page fetched after a cursor the index has left is not applied.
            assertEquals(Optional.empty(), index.apply(0, List.of(TestSpeeches.upsert(1, TestSpeeches.wusheng(1))), 1));

            SpeechIndex.Rebuild fresh = index.startRebuild();
            assertEquals("index-2", fresh.name());
            fresh.apply(List.of(TestSpeeches.upsert(1, TestSpeeches.neijiang(1))), 1);
            // Still the old generation answering.
            assertEquals(2, index.speechCount());
            assertEquals(1, index.search(QueryParser.parse("双助"), Filters.none(), 0, 10).total());

            fresh.swapIn(f -> f.apply(List.of(TestSpeeches.upsert(2, TestSpeeches.bazhong(1)),
                    TestSpeeches.upsert(3, TestSpeeches.wusheng(1))), 3));
            assertEquals(3, index.cursor());
            assertEquals(3, index.speechCount());
            assertEquals(2, index.search(QueryParser.parse("双助"), Filters.none(), 0, 10).total());
            assertEquals("index-2", Files.readString(root.resolve("CURRENT")).strip());
            assertFalse(Files.exists(root.resolve("index-1")));
        } finally {
            index.close();
        }
        // After a restart the swapped-in generation and its cursor are the live ones.
        LuceneSpeechIndex reopened = new LuceneSpeechIndex(root, TestSpeeches.COMPILATIONS);
        reopened.open();
        try {
            assertEquals(3, reopened.cursor());
            assertEquals("index-2", Files.readString(root.resolve("CURRENT")).strip());
            assertEquals(3, reopened.speechCount());
            assertEquals(2, reopened.search(QueryParser.parse("双助"), Filters.none(), 0, 10).total());
        } finally {
            reopened.close();
        }
    }

    @Test
    void anUnfinishedRebuildIsDiscardedAtStartup() throws Exception {
        LuceneSpeechIndex index = new LuceneSpeechIndex(root, TestSpeeches.COMPILATIONS);
        index.open();
        // What a rebuild leaves when the process dies before the swap: a generation CURRENT does not name.
        LuceneIndex.open(root.resolve("index-2"), TestSpeeches.COMPILATIONS).close();
        index.close();
        assertTrue(Files.exists(root.resolve("index-2")));
        LuceneSpeechIndex reopened = new LuceneSpeechIndex(root, TestSpeeches.COMPILATIONS);
        reopened.open();
        reopened.close();
        assertFalse(Files.exists(root.resolve("index-2")));
        assertTrue(Files.exists(root.resolve("index-1")));
    }

    @Test
    void aDiscardedRebuildLeavesTheLiveIndexAlone() throws Exception {
        LuceneSpeechIndex index = new LuceneSpeechIndex(root, TestSpeeches.COMPILATIONS);
        index.open();
        try {
            index.apply(0, List.of(TestSpeeches.upsert(1, TestSpeeches.neijiang(1))), 1);
            SpeechIndex.Rebuild fresh = index.startRebuild();
            fresh.apply(List.of(TestSpeeches.upsert(1, TestSpeeches.bazhong(1))), 1);
            fresh.discard();
            assertFalse(Files.exists(root.resolve("index-2")));
            assertEquals(1, index.cursor());
            assertEquals(0, index.search(QueryParser.parse("双助"), Filters.none(), 0, 10).total());
            assertEquals(1, index.search(QueryParser.parse("协商平台"), Filters.none(), 0, 10).total());
        } finally {
            index.close();
        }
    }
}
