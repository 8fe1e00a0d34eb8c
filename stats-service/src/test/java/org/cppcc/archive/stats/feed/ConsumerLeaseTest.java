package org.cppcc.archive.stats.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.cppcc.archive.stats.api.Fact;
import org.cppcc.archive.stats.change.ChangeItem;
import org.cppcc.archive.stats.repository.Fence;
import org.cppcc.archive.stats.repository.LeaseGrant;
import org.cppcc.archive.stats.repository.SpeechSlot;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.cppcc.archive.stats.repository.StoredText;
import org.cppcc.archive.stats.rest.SeedSpeeches;
import org.cppcc.archive.stats.service.ChangeApplier;
import org.cppcc.archive.stats.service.StatsQueries;
import org.cppcc.archive.stats.service.StatsQueries.FactFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The consumer lease of two replicas on one store (the embedded MongoDB-wire server, through the real client), with
 * one clock the test moves: one holder at a time, renewal, a holder that stops writing before its lease can run out,
 * takeover after expiry under a new epoch, and the fencing that keeps a paused old holder from writing over its
 * successor (cursor, rows, a deleted speech).
 */
@QuarkusTest
class ConsumerLeaseTest {

    static final Duration DURATION = Duration.ofSeconds(10);
    static final Duration RENEW = Duration.ofSeconds(3);

    @Inject
    StatsRepository repository;
    @Inject
    ChangeApplier applier;
    @Inject
    StatsQueries queries;

    final MovableClock clock = new MovableClock();
    ConsumerLease a;
    ConsumerLease b;

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void emptyStore() {
        repository.reset();
        ConsumerLease.Store store = new ConsumerLease.Store() {
            @Override
            public Optional<LeaseGrant> acquire(String holder, long epoch, Instant now, Instant until) {
                return repository.acquireLease(holder, epoch, now, until);
            }

            @Override
            public void release(String holder, long epoch) {
                repository.releaseLease(holder, epoch);
            }
        };
        a = new ConsumerLease("replica-a", DURATION, RENEW, clock, store);
        b = new ConsumerLease("replica-b", DURATION, RENEW, clock, store);
    }

    @Test
    void oneHolderAtATimeRenewingWellBeforeExpiry() {
        assertTrue(a.refresh());
        assertFalse(b.refresh(), "held by a");
        Fence first = a.fence().orElseThrow();
        for (int i = 0; i < 5; i++) {
            clock.advance(RENEW);
            assertTrue(a.refresh(), "renewed");
            assertFalse(b.refresh(), "still a's: renewed before it expired");
        }
        assertEquals(first, a.fence().orElseThrow(), "a renewal keeps the epoch");
        assertFalse(b.held());
        assertTrue(b.fence().isEmpty());
    }

    @Test
    void aHolderThatCannotRenewStopsWritingBeforeItsLeaseRunsOutAndAnotherTakesOverUnderANewEpoch() {
        assertTrue(a.refresh());
        Fence old = a.fence().orElseThrow();
        clock.advance(DURATION.minus(RENEW)); // no renewal since: only one renewal interval left
        assertTrue(a.held(), "still a's lease");
        assertTrue(a.fence().isEmpty(), "but a no longer writes under it");
        assertFalse(b.refresh(), "not expired yet");
        clock.advance(RENEW);
        assertTrue(b.refresh(), "expired: b takes it");
        Fence taken = b.fence().orElseThrow();
        assertTrue(taken.epoch() > old.epoch(), "under a newer epoch");
        assertFalse(a.refresh(), "a learns it lost the lease when it tries to renew");
        assertFalse(a.held());
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() {
        assertTrue(a.refresh());
        a.release();
        assertTrue(b.refresh());
        assertFalse(a.held());
    }

    @Test
    void aPausedOldHolderCanNeitherMoveTheCursorNorOverwriteItsSuccessorsFactsNorBringBackADeletedSpeech()
            throws Exception {
        List<ChangeItem> seed = SeedSpeeches.changes(1);
        assertTrue(a.refresh());
        Fence old = a.fence().orElseThrow();
        for (ChangeItem change : seed.subList(0, 4)) {
            applier.apply(change, old);
        }
        assertEquals(4, repository.feedPosition().cursor());
        // a pauses (a GC, SIGSTOP) past its lease; b takes over and applies what follows
        clock.advance(DURATION.plusSeconds(1));
        assertTrue(b.refresh());
        Fence current = b.fence().orElseThrow();
        ChangeItem v2 = SeedSpeeches.change(13, "upsert", 104, 2, SeedSpeeches.json(seed.get(3)));
        applier.apply(v2, current);
        applier.apply(new ChangeItem(14, "delete", 103, 2, null), current);
        List<Fact> v2Facts = factsOf(104);
        assertFalse(v2Facts.isEmpty());
        long cursor = repository.feedPosition().cursor();
        assertEquals(14, cursor);

        // a wakes up and writes what it was applying before the pause: all refused
        assertThrows(StatsRepository.Fenced.class, () -> applier.apply(seed.get(4), old), "the cursor is b's");
        assertThrows(StatsRepository.Fenced.class,
                () -> applier.apply(new ChangeItem(4, "upsert", 104, 1, seed.get(3).speech()), old));
        assertThrows(StatsRepository.Fenced.class,
                () -> applier.apply(new ChangeItem(3, "upsert", 103, 1, seed.get(2).speech()), old));
        assertEquals(cursor, repository.feedPosition().cursor(), "the cursor never went back");
        assertEquals(v2Facts, factsOf(104), "version 2's facts, untouched");
        assertEquals(List.of(), factsOf(103), "the deleted speech stays deleted");
        assertTrue(repository.speech(103).isEmpty());
        assertNotEquals(old.epoch(), current.epoch());

        // b goes on as if nothing happened
        applier.apply(seed.get(4), current);
        assertEquals(cursor, repository.feedPosition().cursor(), "an older cursor never moves it back");
        assertFalse(factsOf(105).isEmpty());
    }

    @Test
    void rowsAPausedOldHolderWritesAfterItsSuccessorAreRefusedOrRemovedAgain() throws Exception {
        List<ChangeItem> seed = SeedSpeeches.changes(1);
        assertTrue(a.refresh());
        Fence old = a.fence().orElseThrow();
        seed.forEach(change -> applier.apply(change, old));
        // what a had read of speech 104 and 103, and extracted from them, when it paused
        SpeechSlot stale104 = repository.speechSlot(104);
        List<Fact> v1Facts = repository.factsOf(stale104.speech());
        List<StoredText> v1Texts = repository.textsOf(stale104.speech());
        SpeechSlot stale103 = repository.speechSlot(103);

        clock.advance(DURATION.plusSeconds(1));
        assertTrue(b.refresh());
        Fence current = b.fence().orElseThrow();
        ObjectNode v2 = SeedSpeeches.json(seed.get(3));
        ArrayNode sections = (ArrayNode) v2.get("sections");
        sections.removeAll();
        ObjectNode section = sections.addObject().put("ordinal", 1).put("heading", "工作组");
        section.putArray("paragraphs").addObject().put("id", "p-1").put("text", "全市组建了12个委员工作组。");
        applier.apply(SeedSpeeches.change(13, "upsert", 104, 2, v2), current);
        applier.apply(new ChangeItem(14, "delete", 103, 2, null), current);
        List<Fact> v2Facts = factsOf(104);
        long rows = repository.estimatedFacts();
        assertTrue(v1Facts.stream().anyMatch(f -> v2Facts.stream().noneMatch(g -> g.id().equals(f.id()))),
                "version 1 has facts version 2 no longer has");

        // a wakes up and stores what it had extracted: its rows collide with b's (newer epoch), and the rows b had
        // removed, which a inserted again, are removed again
        assertThrows(StatsRepository.Fenced.class,
                () -> repository.replaceSpeech(stale104, stale104.speech(), v1Facts, v1Texts, old));
        assertEquals(v2Facts, factsOf(104));
        assertEquals(rows, repository.estimatedFacts(), "no row left outside a speech");
        // and the speech b deleted: its tombstone's revision is not the one a read
        assertThrows(StatsRepository.Conflict.class,
                () -> repository.replaceSpeech(stale103, stale103.speech(), List.of(), List.of(), old));
        assertTrue(repository.speech(103).isEmpty());
        assertEquals(List.of(), factsOf(103));
    }

    List<Fact> factsOf(long speechId) {
        return queries.facts(new FactFilter(null, null, null, null, speechId, null, null), 0, 100).items();
    }
}
