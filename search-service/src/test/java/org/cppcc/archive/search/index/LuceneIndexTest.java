package org.cppcc.archive.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the Lucene index keeps its cursor: in the commit's user data, with the documents it covers. What every
 * index does (idempotence, restart, search) is {@link SpeechIndexBackendsTest}'s, on each backend.
 */
class LuceneIndexTest {

    @TempDir
    Path dir;

    @Test
    void cursorSurvivesARestartInTheCommitUserData() throws IOException {
        try (LuceneIndex index = LuceneIndex.open(dir, TestSpeeches.COMPILATIONS)) {
            index.apply(List.of(TestSpeeches.upsert(41, TestSpeeches.neijiang(1)),
                    TestSpeeches.upsert(42, TestSpeeches.wusheng(1))), 42);
        }
        try (FSDirectory directory = FSDirectory.open(dir)) {
            assertEquals("42", SegmentInfos.readLatestCommit(directory).getUserData().get(LuceneIndex.CURSOR_KEY));
        }
        try (LuceneIndex reopened = LuceneIndex.open(dir, TestSpeeches.COMPILATIONS)) {
            assertEquals(42, reopened.cursor());
            assertEquals(2, reopened.speechCount());
            // The version map came back too (speech 12 at version 1): replaying the same change is still a
            // no-op, the next version applies.
            assertEquals(0, reopened.apply(List.of(TestSpeeches.upsert(43, TestSpeeches.wusheng(1))), 43).applied());
            assertEquals(43, reopened.cursor());
            assertEquals(1, reopened.apply(List.of(TestSpeeches.upsert(44, TestSpeeches.wusheng(2))), 44).applied());
        }
    }
}
