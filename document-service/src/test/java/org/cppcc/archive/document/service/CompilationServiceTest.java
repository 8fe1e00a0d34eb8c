package org.cppcc.archive.document.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;

import jakarta.inject.Inject;

import org.cppcc.archive.document.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Importing a compilation, at the service: a dry run stores nothing and says whether the same bytes are already in;
 * an import stores every speech with one change each, and the same bytes again are the same compilation, added once.
 */
@QuarkusTest
class CompilationServiceTest {

    @Inject
    CompilationService compilations;
    @Inject
    TextExtractor extractor;
    @Inject
    ChangeFeedService feed;
    @Inject
    TestDatabase db;

    byte[] seed;

    @BeforeEach
    void setUp() throws IOException {
        db.clean();
        try (InputStream in = getClass().getResourceAsStream("/seed/sichuan-cppcc-exchange-2021-09-28.txt")) {
            seed = in.readAllBytes();
        }
    }

    @Test
    void aDryRunStoresNothingAndKnowsWhatIsAlreadyIn() {
        long head = feed.head();
        CompilationService.DryRun run = compilations.dryRun(seed, extractor.fromPlainText(seed), false);
        assertEquals(12, run.parsed().speeches().size());
        assertEquals("510000", run.provinceCode());
        assertTrue(run.existingId().isEmpty());
        assertEquals(java.util.List.of(0L, head), java.util.List.of(db.count("compilation"), feed.head()));

        long id = compilations.importCompilation(seed, extractor.fromPlainText(seed), false, "admin").compilation().id;
        assertEquals(id, compilations.dryRun(seed, extractor.fromPlainText(seed), false).existingId().orElseThrow());
    }

    @Test
    void anImportIsEverySpeechWithOneChangeEachAndTheSameBytesAgainAddNothing() {
        long head = feed.head();
        CompilationService.Imported first = compilations.importCompilation(seed, extractor.fromPlainText(seed), false,
                "admin");
        assertTrue(first.created());
        assertEquals(12, compilations.speechesOf(first.compilation().id).size());
        assertEquals(head + 12, feed.head());

        CompilationService.Imported again = compilations.importCompilation(seed, extractor.fromPlainText(seed), false,
                "admin");
        assertFalse(again.created());
        assertEquals(first.compilation().id, again.compilation().id);
        assertEquals(head + 12, feed.head());
        assertEquals(1, db.count("compilation"));
    }
}
