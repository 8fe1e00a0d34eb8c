package org.cppcc.archive.stats.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import jakarta.inject.Inject;

import org.cppcc.archive.stats.api.Fact;
import org.cppcc.archive.stats.api.Members;
import org.cppcc.archive.stats.api.Platforms;
import org.cppcc.archive.stats.api.Scope;
import org.cppcc.archive.stats.api.SpeakerKind;
import org.cppcc.archive.stats.api.Topics;
import org.cppcc.archive.stats.change.ChangeItem;
import org.cppcc.archive.stats.extraction.Category;
import org.cppcc.archive.stats.extraction.Tier;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.cppcc.archive.stats.rest.OtherSpeeches;
import org.cppcc.archive.stats.rest.SeedSpeeches;
import org.cppcc.archive.stats.service.StatsQueries.FactFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The read side without HTTP: what each aggregate adds up and what it leaves out. */
@QuarkusTest
class StatsQueriesTest {

    @Inject
    StatsRepository repository;
    @Inject
    ChangeApplier applier;
    @Inject
    StatsQueries queries;
    @Inject
    CurationService curation;

    @BeforeEach
    void seed() throws Exception {
        repository.reset();
        for (ChangeItem change : SeedSpeeches.changes(1)) {
            applier.apply(change);
        }
        applier.apply(SeedSpeeches.change(13, "upsert", 201, 1, OtherSpeeches.xihu()));
    }

    static Platforms.Region region(Platforms p, String name) {
        return p.regions().stream().filter(r -> name.equals(r.region())).findFirst().orElseThrow();
    }

    @Test
    void platformsAddUpTheirFactsPerTierAndRegionCodeOrder() {
        Platforms p = queries.platforms(Scope.ALL);
        assertEquals("330106", p.regions().get(0).regionCode(), "by region code");
        Platforms.Region neijiang = region(p, "内江市");
        assertEquals(5L, neijiang.tiers().get("county"));
        assertEquals(46L, neijiang.tiers().get("township"));
        assertEquals(neijiang.tiers().values().stream().mapToLong(Number::longValue).sum(),
                neijiang.facts().stream().mapToLong(f -> f.value().longValue()).sum(), "the facts behind the tiers");
        assertEquals(555L + 130, p.totals().all());
        assertNull(p.totals().unspecified());
        assertEquals(685L, p.totals().bySpeakerKind().get("committee"));
    }

    @Test
    void aFigureForEachIsListedButNotAddedUp() {
        Members m = queries.members(new Scope(2L, null, null));
        Members.Region xihu = m.regions().get(0);
        assertEquals(780L, xihu.members(), "780名委员, not 780 + 3 (每个工作组联系3—5名)");
        assertEquals(1.0, xihu.coverage());
        assertEquals("18个委员工作组", xihu.assignedTo());
        assertEquals(780L, m.totals().members());
        assertTrue(queries.facts(new FactFilter(Category.member, null, "西湖区", null, null, null, null), 0, 20)
                .items().stream().anyMatch(f -> "每个工作组".equals(f.per())));
    }

    @Test
    void aRejectedFactLeavesEveryTotalAtOnce() {
        Fact county = queries.facts(new FactFilter(null, Tier.county, "内江市", null, null, null, null), 0, 20)
                .items().get(0);
        long before = queries.overview().facts();
        curation.curate(county.id(), new CurationService.Verdict(Fact.Action.reject, null, null, null, null, null,
                "not a platform"), "test");
        assertEquals(before - 1, queries.overview().facts());
        assertNull(queries.platforms(Scope.ALL).totals().county());
        assertEquals(1, queries.facts(new FactFilter(null, null, null, null, null, null, Fact.Status.rejected), 0, 20)
                .total(), "the list still shows it, as rejected");
    }

    @Test
    void aCorrectedFigureIsWhatTheTotalsAdd() {
        Fact township = queries.facts(new FactFilter(null, Tier.township, "内江市", null, null, null, null), 0, 20)
                .items().get(0);
        curation.curate(township.id(), new CurationService.Verdict(Fact.Action.correct, new BigDecimal("47"), null,
                null, null, null, null), "test");
        assertEquals(47L, region(queries.platforms(Scope.ALL), "内江市").tiers().get("township"));
    }

    @Test
    void speakerKindsFilterAndGroup() {
        assertEquals(0, queries.platforms(new Scope(null, null, SpeakerKind.PARTY)).regions().size());
        assertEquals(13L, queries.overview().speechesBySpeakerKind().get("committee"));
        assertEquals(0L, queries.overview().speechesBySpeakerKind().get("member"));
    }

    @Test
    void topicMentionsAreCountedWithoutOverlap() {
        assertEquals(2, StatsQueries.occurrences("有事来协商，有事来协商", "有事来协商"));
        assertEquals(1, StatsQueries.occurrences("aaa", "aa"));
        Topics t = queries.topics(List.of("双助"), null, null);
        assertEquals(11, t.terms().get(0).mentions());
        assertEquals(10L, t.terms().get(0).regions().get("巴中市"));
        assertEquals(t.terms().get(0).mentions(),
                t.terms().get(0).speeches().stream().mapToLong(Topics.Speech::mentions).sum());
    }

    @Test
    void pagesOfFactsCountEveryMatch() {
        var page = queries.facts(new FactFilter(null, null, null, null, null, null, null), 8, 5);
        assertEquals(42, page.total());
        assertEquals(2, page.items().size());
        assertEquals(0, queries.facts(new FactFilter(null, null, null, null, 104L, "no such phrase", null), 0, 20)
                .total());
    }
}
