package org.cppcc.archive.stats.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.cppcc.archive.stats.api.Scope;
import org.cppcc.archive.stats.repository.Fence;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.cppcc.archive.stats.rest.SeedSpeeches;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * What another stats-service on the same store wrote (here: written through the repository, past this process's
 * applier and index) reaches this one's answers once the store's write generation has moved: the touched speeches
 * are read again, or everything when more increments passed than the store remembers. The index is refreshed only
 * where a test says so.
 */
@QuarkusTest
@TestProfile(FigureIndexRefreshTest.RefreshByHand.class)
class FigureIndexRefreshTest {

    /** No background poll: what a test sees is what its own {@code index.refresh()} read. */
    public static final class RefreshByHand implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stats.refresh-every", "1h");
        }
    }

    @Inject
    StatsRepository repository;
    @Inject
    ChangeApplier applier;
    @Inject
    StatsQueries queries;
    @Inject
    FigureIndex index;

    @BeforeEach
    void seed() throws Exception {
        repository.reset();
        SeedSpeeches.changes(1).forEach(applier::apply);
    }

    @Test
    void aSpeechAnotherReplicaDeletedLeavesTheAnswersAfterTheGenerationMoves() {
        assertEquals(12, queries.overview().speeches().total());
        long neijiang = queries.platforms(new Scope(null, "内江市", null)).regions().size();
        assertEquals(1, neijiang);

        anotherReplicaDeletes(104, 13);
        index.refresh();
        assertEquals(11, queries.overview().speeches().total(), "the kept answer is not served");
        assertEquals(0, queries.platforms(new Scope(null, "内江市", null)).regions().size());
    }

    @Test
    void moreIncrementsThanTheStoreRemembersReadEverythingAgain() {
        anotherReplicaDeletes(104, 13);
        for (int i = 0; i < 100; i++) {
            repository.bumpGeneration(105); // curations elsewhere
        }
        index.refresh();
        assertEquals(11, queries.overview().speeches().total());
        assertTrue(queries.platforms(new Scope(null, "内江市", null)).regions().isEmpty());
    }

    @Test
    void anotherReplicasWriteBeforeOneOfThisOnesIsStillRead() throws Exception {
        assertEquals(12, queries.overview().speeches().total());
        anotherReplicaDeletes(104, 13);
        // this replica then applies a change: its own increment is not the only one the index has not seen
        applier.apply(SeedSpeeches.changes(1).get(0));
        index.refresh();
        assertEquals(11, queries.overview().speeches().total());
        assertEquals(0, queries.platforms(new Scope(null, "内江市", null)).regions().size());
    }

    /** A delete as another replica's consumer writes it: the speech, then the cursor with the generation. */
    private void anotherReplicaDeletes(long speechId, long cursor) {
        repository.deleteSpeech(repository.speechSlot(speechId), 2, Fence.NONE);
        repository.advanceCursor(cursor, Instant.now(), speechId, Fence.NONE);
    }
}
