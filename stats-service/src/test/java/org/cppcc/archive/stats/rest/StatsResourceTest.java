package org.cppcc.archive.stats.rest;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.cppcc.archive.contract.Problem;
import org.cppcc.archive.stats.service.ChangeApplier;
import org.cppcc.archive.stats.change.ChangeItem;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The HTTP contract against the embedded MongoDB-wire server, with real tokens from the test Keycloak:
 * the seed's twelve speeches are fed straight into the consumer's apply method, and every aggregate is
 * checked against totals computed by hand from the labelled facts.
 */
@QuarkusTest
class StatsResourceTest {

    static final String KEYCLOAK = System.getenv().getOrDefault("TEST_KEYCLOAK_URL", "http://127.0.0.1:8190");

    @Inject
    StatsRepository repository;
    @Inject
    StoredRows rows;
    @Inject
    ChangeApplier applier;

    static String token(String client, String secret) {
        return given().auth().preemptive().basic(client, secret).formParam("grant_type", "client_credentials")
                .post(KEYCLOAK + "/realms/speech-archive/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static String analyst() {
        return token("dashboard", "dashboard-dev-secret");
    }

    @BeforeEach
    void seed() throws Exception {
        repository.reset();
        for (ChangeItem change : SeedSpeeches.changes(1)) {
            applier.apply(change);
        }
    }

    @Test
    void rolesAreEnforced() {
        given().get("/api/v1/stats/overview").then().statusCode(401);
        given().auth().oauth2(token("portal", "portal-dev-secret")).get("/api/v1/stats/overview").then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(analyst()).get("/api/v1/stats/overview").then().statusCode(200);
        given().auth().oauth2(analyst()).contentType(ContentType.JSON).body(Map.of("action", "reject"))
                .put("/api/v1/stats/facts/x/curation").then().statusCode(403);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void platformsByRegionAndTier() {
        given().auth().oauth2(analyst()).get("/api/v1/stats/platforms").then().statusCode(200)
                .body("regions.find { it.region == '内江市' }.tiers.county", equalTo(5))
                .body("regions.find { it.region == '内江市' }.tiers.township", equalTo(46))
                .body("regions.find { it.region == '内江市' }.tiers.village", equalTo(23))
                .body("regions.find { it.region == '乐山市' }.tiers.township", equalTo(132))
                .body("regions.find { it.region == '乐山市' }.tiers.village", equalTo(349))
                .body("regions.find { it.region == '乐山市' }.facts[0].subject", equalTo("政协工作联络站"))
                .body("totals.county", equalTo(5)).body("totals.township", equalTo(178))
                .body("totals.village", equalTo(372)).body("totals.all", equalTo(555));
        given().auth().oauth2(analyst()).queryParam("region", "内江市").get("/api/v1/stats/platforms").then()
                .statusCode(200).body("regions", hasSize(1));
        given().auth().oauth2(analyst()).accept("text/csv").get("/api/v1/stats/platforms").then().statusCode(200)
                .contentType(startsWith("text/csv")).body(startsWith("region,regionCode,tier,platforms,speakerKind"))
                .body(containsString("内江市,511000,township,46,committee"));
    }

    @Test
    void aDashboardSeesARejectionAtOnce() {
        given().auth().oauth2(analyst()).get("/api/v1/stats/platforms").then().statusCode(200)
                .body("totals.county", equalTo(5)); // the answer dashboards poll, now kept until the next write
        String county = given().auth().oauth2(analyst()).queryParam("region", "内江市").queryParam("tier", "county")
                .get("/api/v1/stats/facts").then().statusCode(200).body("items", hasSize(1)).extract().path("items[0].id");
        given().auth().oauth2(token("ops", "ops-dev-secret")).contentType(ContentType.JSON)
                .body(Map.of("action", "reject")).put("/api/v1/stats/facts/" + county + "/curation").then().statusCode(200);
        given().auth().oauth2(analyst()).get("/api/v1/stats/platforms").then().statusCode(200)
                .body("totals.county", nullValue()).body("totals.all", equalTo(550));
    }

    @Test
    void membersAndCoverage() {
        given().auth().oauth2(analyst()).get("/api/v1/stats/members").then().statusCode(200)
                .body("regions.find { it.region == '内江市' }.members", equalTo(1788))
                .body("regions.find { it.region == '内江市' }.coverage", equalTo(1.0f))
                .body("regions.find { it.region == '内江市' }.assignedTo", equalTo("10个工作组"))
                .body("regions.find { it.region == '成都市' }.members", equalTo(642))
                .body("regions.find { it.region == '成都市' }.assignedTo", equalTo("专委会"))
                .body("regions.find { it.region == '成都市' }.basis", equalTo("专业专长"))
                .body("totals.members", equalTo(2430));
        given().auth().oauth2(analyst()).get("/api/v1/stats/coverage").then().statusCode(200)
                .body("provinces", hasSize(1)).body("provinces[0].province", equalTo("四川省"))
                .body("provinces[0].prefectures", hasSize(21))
                .body("provinces[0].prefectureLevel.represented", equalTo(12))
                .body("provinces[0].prefectureLevel.withBody", equalTo(6))
                .body("provinces[0].countyLevel.represented", equalTo(4))
                .body("provinces[0].prefectures.find { it.region == '遂宁市' }.committees[0].content", equalTo("outline"))
                .body("totals.prefectureLevel.divisions", equalTo(21))
                .body("committeesByLevel.'prefecture-city'", equalTo(7))
                .body("committeesByLevel.district", equalTo(2)).body("speakersByKind.committee", equalTo(12));
        given().auth().oauth2(analyst()).accept("text/csv").get("/api/v1/stats/members").then().statusCode(200)
                .body(containsString("内江市,511000,1788,1.0,10个工作组,,committee"));
        given().auth().oauth2(analyst()).accept("text/csv").get("/api/v1/stats/coverage").then().statusCode(200)
                .body(startsWith("province,provinceCode,region,regionCode,level,represented,withBody,committees"))
                .body(containsString("四川省,510000,遂宁市,510900,prefecture-city,true,false,政协射洪市委员会 (outline)"));
    }

    @Test
    void overviewFactsAndTopics() {
        given().auth().oauth2(analyst()).get("/api/v1/stats/overview").then().statusCode(200)
                .body("compilations", equalTo(1)).body("speeches.total", equalTo(12))
                .body("speeches.withBody", equalTo(6)).body("speeches.outlineOnly", equalTo(6))
                .body("speeches.truncated", equalTo(1)).body("facts", equalTo(37))
                .body("factsByCategory.platform", equalTo(5)).body("factsByCategory.staff", equalTo(9))
                .body("factsByCategory.body", equalTo(7)).body("factsByCategory.activity", equalTo(5))
                .body("factsByCategory.output", equalTo(4)).body("factsByCategory.economic", equalTo(5))
                .body("factsByCategory.member", equalTo(2)).body("factsByCategory.other", equalTo(0));
        given().auth().oauth2(analyst()).queryParam("category", "economic").queryParam("q", "亿元")
                .get("/api/v1/stats/facts").then().statusCode(200).body("total", equalTo(2)) // both facts of that sentence
                .body("items.find { it.text == '近2亿元' }.value", equalTo(200000000))
                .body("items.find { it.text == '近2亿元' }.approx", equalTo("nearly"))
                .body("items.find { it.text == '近2亿元' }.region", equalTo("巴中市"));
        given().auth().oauth2(analyst()).queryParam("size", "5").queryParam("page", "1").get("/api/v1/stats/facts")
                .then().statusCode(200).body("total", equalTo(37)).body("items", hasSize(5));
        given().auth().oauth2(analyst()).queryParam("size", "500").get("/api/v1/stats/facts").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(analyst()).queryParam("tier", "galaxy").get("/api/v1/stats/facts").then().statusCode(400);
        given().auth().oauth2(analyst()).queryParam("terms", "有事来协商,双助,提案").get("/api/v1/stats/topics").then()
                .statusCode(200).body("terms[1].term", equalTo("双助"))
                .body("terms[1].regions.'巴中市'", equalTo(10)).body("terms[1].mentions", equalTo(11));
        given().auth().oauth2(analyst()).accept("text/csv").queryParam("region", "乐山市").get("/api/v1/stats/facts")
                .then().statusCode(200).body(startsWith("id,speechId,region,sectionIndex"))
                .body(containsString(",committee,speakerKind,speakerName,per\r\n")); // new columns last
    }

    @Test
    void otherProvincesAndOtherSpeakersAggregateByRegionAndKind() {
        applier.apply(SeedSpeeches.change(13, "upsert", 201, 1, OtherSpeeches.xihu()));
        applier.apply(SeedSpeeches.change(14, "upsert", 202, 1, OtherSpeeches.party()));
        String analyst = analyst();
        given().auth().oauth2(analyst).get("/api/v1/stats/platforms").then().statusCode(200)
                .body("regions.find { it.region == '西湖区' }.regionCode", equalTo("330106"))
                .body("regions.find { it.region == '西湖区' }.tiers.village", equalTo(120))
                .body("regions.find { it.region == '西湖区' }.tiers.township", equalTo(10))
                .body("totals.village", equalTo(492)).body("totals.bySpeakerKind.committee", equalTo(685));
        given().auth().oauth2(analyst).get("/api/v1/stats/members").then().statusCode(200)
                .body("regions.find { it.region == '西湖区' }.members", equalTo(780))
                .body("regions.find { it.region == '西湖区' }.coverage", equalTo(1.0f))
                .body("regions.find { it.region == '西湖区' }.assignedTo", equalTo("18个委员工作组"));
        given().auth().oauth2(analyst).get("/api/v1/stats/coverage").then().statusCode(200)
                .body("provinces.province", equalTo(List.of("浙江省", "四川省")))
                .body("provinces[0].prefectures", hasSize(11))
                .body("provinces[0].prefectures.find { it.region == '杭州市' }.represented", equalTo(true))
                .body("provinces[0].prefectureLevel.represented", equalTo(1))
                .body("provinces[1].prefectureLevel.represented", equalTo(12))
                .body("totals.provinces", equalTo(2)).body("totals.prefectureLevel.divisions", equalTo(32))
                .body("outsideGazetteer.committee", equalTo(List.of("民盟四川省委会")))
                .body("speakersByKind.party", equalTo(1));
        given().auth().oauth2(analyst).queryParam("speakerKind", "party").get("/api/v1/stats/coverage").then()
                .statusCode(200).body("provinces", hasSize(0)).body("outsideGazetteer", hasSize(1));
        given().auth().oauth2(analyst).get("/api/v1/stats/overview").then().statusCode(200)
                .body("speechesBySpeakerKind.committee", equalTo(13)).body("speechesBySpeakerKind.party", equalTo(1))
                .body("speechesBySpeakerKind.member", equalTo(0)).body("factsBySpeakerKind.party", equalTo(1));
        given().auth().oauth2(analyst).queryParam("speakerKind", "party").get("/api/v1/stats/facts").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].value", equalTo(12))
                .body("items[0].committee", equalTo("民盟四川省委会")).body("items[0].speakerKind", equalTo("party"))
                .body("items[0].category", equalTo("output"));
        given().auth().oauth2(analyst).queryParam("speakerKind", "committee").get("/api/v1/stats/facts").then()
                .statusCode(200).body("total", equalTo(42));
        given().auth().oauth2(analyst).queryParam("region", "西湖区").queryParam("category", "member")
                .get("/api/v1/stats/facts").then().statusCode(200).body("total", equalTo(2))
                .body("items.find { it.text == '3—5名' }.per", equalTo("每个工作组"));
        given().auth().oauth2(analyst).queryParam("speakerKind", "party").get("/api/v1/stats/platforms").then()
                .statusCode(200).body("regions", hasSize(0));
        given().auth().oauth2(analyst).queryParam("terms", "提案").queryParam("speakerKind", "party")
                .get("/api/v1/stats/topics").then().statusCode(200).body("terms[0].mentions", equalTo(1))
                .body("terms[0].speakerKinds.party", equalTo(1));
        for (String path : List.of("facts", "platforms", "members", "coverage")) {
            given().auth().oauth2(analyst).queryParam("speakerKind", "senate").get("/api/v1/stats/" + path).then()
                    .statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("detail", startsWith("speakerKind must be one of [committee, party"));
        }
        given().auth().oauth2(analyst).queryParam("category", "galaxy").get("/api/v1/stats/facts").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void factsStoredBeforeSpeakersHadKindsCountAsACommittees() {
        rows.facts().updateMany(eq("speechId", 104L), new org.bson.Document("$unset", new org.bson.Document("speakerKind", "")));
        given().auth().oauth2(analyst()).queryParam("speakerKind", "committee").queryParam("region", "内江市")
                .get("/api/v1/stats/facts").then().statusCode(200).body("items[0].speakerKind", equalTo("committee"))
                .body("total", equalTo((int) rows.facts().countDocuments(eq("speechId", 104L))));
    }

    @Test
    void curationSurvivesReExtractionAndReplaysNeverDuplicate() throws Exception {
        String id = given().auth().oauth2(analyst()).queryParam("q", "162万袋").queryParam("category", "economic")
                .get("/api/v1/stats/facts").then().statusCode(200).extract().path("items.find { it.text == '162万袋' }.id");
        String admin = token("ops", "ops-dev-secret");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("action", "correct", "subject", "通江银耳菌种", "note", "county named"))
                .put("/api/v1/stats/facts/" + id + "/curation").then().statusCode(200)
                .body("status", equalTo("corrected")).body("subject", equalTo("通江银耳菌种"))
                .body("extracted.subject", equalTo("银耳菌种"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("action", "maybe"))
                .put("/api/v1/stats/facts/" + id + "/curation").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("action", "reject"))
                .put("/api/v1/stats/facts/nope/curation").then().statusCode(404);

        // version 2 of every speech, twice: same facts, same ids, the correction kept
        for (int round = 0; round < 2; round++) {
            for (ChangeItem change : SeedSpeeches.changes(2)) {
                applier.apply(new ChangeItem(change.cursor() + 12, change.type(), change.speechId(), 2, change.speech()));
            }
        }
        assertEquals(37, rows.facts().countDocuments());
        given().auth().oauth2(analyst()).get("/api/v1/stats/facts/" + id).then().statusCode(200)
                .body("subject", equalTo("通江银耳菌种")).body("speechVersion", equalTo(2));
        given().auth().oauth2(analyst()).get("/api/v1/stats/status").then().statusCode(200)
                .body("facts", equalTo(37)).body("feedCursor", equalTo(24)).body("lagChanges", equalTo(0));
    }

    @Test
    void crashBetweenFactsAndCursorResumesToTheSameFacts() throws Exception {
        Set<String> clean = ids();
        repository.reset();
        List<ChangeItem> changes = SeedSpeeches.changes(1);
        for (int i = 0; i < 5; i++) {
            applier.apply(changes.get(i));
        }
        applier.applyFacts(changes.get(5)); // crash: facts written, cursor not
        long cursor = repository.feedPosition().cursor();
        assertEquals(5, cursor);
        for (ChangeItem change : changes) { // restart: replay from the stored cursor
            if (change.cursor() > cursor) {
                applier.apply(change);
            }
        }
        assertEquals(clean, ids());
        assertEquals(12, repository.feedPosition().cursor());
    }

    @Test
    void aNewVersionKeepsOnlyWhatItSaysAndADeleteLeavesNothing() throws Exception {
        ChangeItem neijiang = SeedSpeeches.changes(1).get(3);
        long before = rows.facts().countDocuments();
        long neijiangFacts = rows.facts().countDocuments(eq("speechId", 104L));
        ObjectNode v2 = SeedSpeeches.json(neijiang);
        ArrayNode sections = (ArrayNode) v2.get("sections");
        sections.removeAll();
        ObjectNode section = sections.addObject().put("ordinal", 1).put("heading", "工作组");
        section.putArray("paragraphs").addObject().put("id", "p-1").put("text", "全市组建了12个委员工作组。");
        ((ArrayNode) v2.get("lead")).removeAll();
        applier.apply(SeedSpeeches.change(13, "upsert", 104, 2, v2));

        assertEquals(List.of(12L), rows.facts().find(eq("speechId", 104L))
                .map(d -> d.get("value", Number.class).longValue()).into(new ArrayList<>()));
        assertEquals(before - neijiangFacts + 1, rows.facts().countDocuments());
        assertEquals(2, rows.texts().countDocuments(eq("speechId", 104L)));

        applier.apply(new ChangeItem(14, "delete", 104, 3, null));
        assertEquals(before - neijiangFacts, rows.facts().countDocuments());
        assertEquals(0, rows.texts().countDocuments(eq("speechId", 104L)));
        assertEquals(11, rows.speeches().countDocuments(ne("deleted", true)));
        // what is left of it: a tombstone with the deleting version, which an older version arriving late cannot pass
        assertEquals(List.of(3L), rows.speeches().find(and(eq("_id", 104L), eq("deleted", true)))
                .map(d -> d.get("version", Number.class).longValue()).into(new ArrayList<>()));
    }

    private Set<String> ids() {
        return rows.facts().find().map(d -> d.getString("_id") + d.get("value")).into(new TreeSet<>());
    }
}
