package org.cppcc.archive.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.cppcc.archive.search.change.ChangeItem;
import org.cppcc.archive.search.change.Speech;
import org.cppcc.archive.search.doc.Fields;
import org.cppcc.archive.search.doc.SpeechDocuments;
import org.cppcc.archive.search.model.SearchResult;
import org.cppcc.archive.search.model.Filters;
import org.cppcc.archive.search.query.QueryParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index generations: a rebuild fills a fresh one while searches use the old, then swaps atomically; an index of an
 * older schema answers and reports itself outdated until a rebuild replaces it.
 */
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

    @Test
    void anIndexOfTheOlderSchemaAnswersAndIsReportedForARebuild() throws Exception {
        // What schema 1 left on disk: the whole speech as JSON in each document, no schema in the commit.
        Path old = root.resolve("index-1");
        try (FSDirectory dir = FSDirectory.open(old);
                IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(Fields.indexAnalyzer()))) {
            for (Speech speech : List.of(TestSpeeches.neijiang(1), TestSpeeches.bazhong(1))) {
                writer.updateDocument(new Term(Fields.ID, Long.toString(speech.id())),
                        SpeechDocuments.schema1(speech, TestSpeeches.COMPILATIONS.find(1)));
            }
            writer.setLiveCommitData(Map.of(LuceneIndex.CURSOR_KEY, "2").entrySet());
            writer.commit();
        }
        Files.writeString(root.resolve("CURRENT"), "index-1\n");
        LuceneSpeechIndex index = new LuceneSpeechIndex(root, TestSpeeches.COMPILATIONS);
        index.open();
        try {
            assertTrue(index.outdated());
            assertEquals(2, index.cursor());
            SearchResult found = index.search(QueryParser.parse("双助"), Filters.none(), 0, 10);
            assertEquals(1, found.total());
            assertEquals("聚焦产业深耕“双助”", found.hits().get(0).title());
            assertFalse(found.hits().get(0).highlights().isEmpty());
            // Changes applied meanwhile keep it outdated: it holds documents of both schemas.
            index.apply(2, List.of(TestSpeeches.upsert(3, TestSpeeches.wusheng(1))), 3);
            assertEquals(2, index.search(QueryParser.parse("双助"), Filters.none(), 0, 10).total());
            assertTrue(index.outdated());

            SpeechIndex.Rebuild fresh = index.startRebuild();
            fresh.apply(List.of(TestSpeeches.upsert(1, TestSpeeches.neijiang(1)),
                    TestSpeeches.upsert(2, TestSpeeches.bazhong(1)), TestSpeeches.upsert(3, TestSpeeches.wusheng(1))),
                    3);
            fresh.swapIn(f -> { });
            assertFalse(index.outdated());
            assertEquals(2, index.search(QueryParser.parse("双助"), Filters.none(), 0, 10).total());
        } finally {
            index.close();
        }
        LuceneSpeechIndex reopened = new LuceneSpeechIndex(root, TestSpeeches.COMPILATIONS);
        reopened.open();
        try {
            assertFalse(reopened.outdated());
            assertEquals(3, reopened.speechCount());
        } finally {
            reopened.close();
        }
    }

    @Test
    void aNewIndexIsOfTheCurrentSchema() throws Exception {
        LuceneSpeechIndex index = new LuceneSpeechIndex(root, TestSpeeches.COMPILATIONS);
        index.open();
        try {
            assertFalse(index.outdated());
            index.apply(0, List.of(TestSpeeches.upsert(1, TestSpeeches.neijiang(1))), 1);
        } finally {
            index.close();
        }
        try (FSDirectory dir = FSDirectory.open(root.resolve("index-1"))) {
            assertEquals(Integer.toString(SpeechDocuments.SCHEMA),
                    SegmentInfos.readLatestCommit(dir).getUserData().get(LuceneIndex.SCHEMA_KEY));
        }
    }
}
