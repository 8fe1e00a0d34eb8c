package org.cppcc.archive.stats.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import jakarta.inject.Inject;

import org.cppcc.archive.stats.api.Fact;
import org.cppcc.archive.stats.api.Scope;
import org.cppcc.archive.stats.change.ChangeItem;
import org.cppcc.archive.stats.change.Speech;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.cppcc.archive.stats.rest.SeedSpeeches;
import org.cppcc.archive.stats.service.StatsQueries.FactFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** Applying the feed: idempotent by (speech, version), curations kept, the cursor written after the facts. */
@QuarkusTest
class ChangeApplierTest {

    @Inject
    StatsRepository repository;
    @Inject
    ChangeApplier applier;
    @Inject
    StatsQueries queries;
    @Inject
    CurationService curation;

    List<ChangeItem> seed;

    @BeforeEach
    void seed() throws Exception {
        repository.reset();
        seed = SeedSpeeches.changes(1);
        seed.forEach(applier::apply);
    }

    List<Fact> factsOf(long speechId) {
        return queries.facts(new FactFilter(null, null, null, null, speechId, null, null), 0, 100).items();
    }

    @Test
    void anOlderVersionThanTheStoredOneIsIgnored() throws Exception {
        ObjectNode v2 = SeedSpeeches.json(seed.get(3));
        applier.apply(SeedSpeeches.change(13, "upsert", 104, 2, v2));
        List<Fact> v2Facts = factsOf(104);
        applier.apply(new ChangeItem(14, "upsert", 104, 1, seed.get(3).speech()));
        assertEquals(v2Facts, factsOf(104));
        assertTrue(v2Facts.stream().allMatch(f -> f.speechVersion() == 2));
        assertEquals(14, repository.feedPosition().cursor(), "an ignored change still moves the cursor");
        applier.apply(new ChangeItem(15, "delete", 104, 1, null));
        assertEquals(v2Facts, factsOf(104), "nor does an older delete remove a newer version");
    }

    @Test
    void aReplayedChangeWritesTheSameFactsAndTheCursorNeverGoesBack() {
        List<Fact> before = factsOf(105);
        applier.apply(seed.get(4));
        assertEquals(before, factsOf(105));
        assertEquals(12, repository.feedPosition().cursor());
        assertTrue(repository.feedPosition().appliedAt() != null);
    }

    @Test
    void aCurationIsAppliedAgainToTheFactReExtracted() {
        Fact fact = factsOf(104).get(0);
        curation.curate(fact.id(), new CurationService.Verdict(Fact.Action.correct, new BigDecimal("7"), "座", null,
                null, null, "checked"), "admin");
        applier.apply(new ChangeItem(13, "upsert", 104, 2, seed.get(3).speech()));
        Fact again = factsOf(104).get(0);
        assertEquals(fact.id(), again.id());
        assertEquals(2, again.speechVersion());
        assertEquals(7L, again.value());
        assertEquals("座", again.unit());
        assertEquals(Fact.Status.corrected, again.status());
        assertEquals(fact.value(), again.extracted().value());
        assertEquals("checked", again.curation().note());
    }

    @Test
    void aConfirmationAfterACorrectionRestoresWhatWasExtracted() {
        Fact fact = factsOf(104).get(0);
        curation.curate(fact.id(), new CurationService.Verdict(Fact.Action.correct, new BigDecimal("7"), null, null,
                null, null, null), "admin");
        Fact confirmed = curation.curate(fact.id(), new CurationService.Verdict(Fact.Action.confirm, null, null, null,
                null, null, null), "admin").orElseThrow();
        assertEquals(fact.value(), confirmed.value());
        assertEquals(Fact.Status.confirmed, confirmed.status());
        assertEquals(null, confirmed.extracted());
        assertTrue(curation.curate("no-such-fact", new CurationService.Verdict(Fact.Action.reject, null, null, null,
                null, null, null), "admin").isEmpty());
    }

    @Test
    void anOutlineOnlySpeechIsReadFromItsOutline() {
        Speech outlineOnly = new Speech(300, 1, "政协某县委员会", null, null, "某县", null, "county", null, "t",
                false, false, 9L, 1, List.of(), List.of(), List.of("一、建成村级协商平台12个", "二、其他"));
        assertEquals("committee", outlineOnly.speakerKind());
        List<ChangeApplier.Passage> passages = ChangeApplier.passages(outlineOnly);
        assertEquals(List.of("outline", "outline"), passages.stream().map(ChangeApplier.Passage::kind).toList());
        applier.apply(new ChangeItem(13, "upsert", 300, 1, outlineOnly));
        List<Fact> facts = factsOf(300);
        assertEquals(1, facts.size());
        assertEquals("outline", facts.get(0).kind());
        assertEquals(1, facts.get(0).sectionIndex());
        assertEquals(1, queries.platforms(new Scope(9L, null, null)).regions().size());
    }
}
