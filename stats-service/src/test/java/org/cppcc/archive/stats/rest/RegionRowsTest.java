package org.cppcc.archive.stats.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.bson.Document;
import org.cppcc.archive.contract.Problem;
import org.cppcc.archive.stats.change.ChangeItem;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.cppcc.archive.stats.service.ChangeApplier;
import org.cppcc.archive.stats.service.FigureIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The rows of platforms and members: each shows the first of its facts, counts them all and names the facts query
 * that lists exactly those; the rows come a page at a time (JSON), all of them as CSV; and the figures they are
 * folded from are the store's, read again as after a restart.
 */
@QuarkusTest
class RegionRowsTest {

    @Inject
    StatsRepository repository;
    @Inject
    ChangeApplier applier;
    @Inject
    FigureIndex index;
    @Inject
    StoredRows rows;

    @BeforeEach
    void seed() throws Exception {
        repository.reset();
        List<ChangeItem> seed = SeedSpeeches.changes(1);
        seed.forEach(applier::apply);
        // 内江市 twice more (another compilation): its platforms row adds up 9 facts, its members row 3
        ObjectNode neijiang = SeedSpeeches.json(seed.get(3));
        applier.apply(SeedSpeeches.change(13, "upsert", 301, 1, neijiang.deepCopy().put("compilationId", 3)));
        applier.apply(SeedSpeeches.change(14, "upsert", 302, 1, neijiang.deepCopy().put("compilationId", 3)));
    }

    private static JsonPath get(String pathAndQuery) {
        return given().auth().oauth2(StatsResourceTest.analyst()).urlEncodingEnabled(false).get(pathAndQuery).then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void aRowShowsItsFirstFactsAndTheQueryThatListsThemAll() {
        JsonPath platforms = get("/api/v1/stats/platforms");
        Map<String, Object> neijiang = platforms.getMap("regions.find { it.region == '内江市' }");
        assertEquals(Map.of("county", 15, "township", 138, "village", 69), neijiang.get("tiers"));
        assertEquals(9, neijiang.get("factCount"));
        assertEquals(3, ((List<?>) neijiang.get("facts")).size());
        JsonPath listed = get(neijiang.get("factsQuery") + "&size=100");
        assertEquals(9, listed.getInt("total"));
        assertEquals(15 + 138 + 69, listed.getList("items.value", Integer.class).stream().mapToInt(i -> i).sum(),
                "the facts the query lists are the ones the row adds up");
        assertEquals(listed.getList("items.id").subList(0, 3),
                platforms.getList("regions.find { it.region == '内江市' }.facts.id"), "in provenance order");

        JsonPath members = get("/api/v1/stats/members");
        assertEquals(1788 * 3, members.getInt("regions.find { it.region == '内江市' }.members"));
        assertEquals(3, members.getInt("regions.find { it.region == '内江市' }.factCount"));
        assertEquals(3, get(members.getString("regions.find { it.region == '内江市' }.factsQuery")).getInt("total"));

        JsonPath compilation3 = get("/api/v1/stats/platforms?compilationId=3");
        assertEquals(6, compilation3.getInt("regions[0].factCount"));
        assertEquals(6, get(compilation3.getString("regions[0].factsQuery")).getInt("total"));
    }

    @Test
    void aRejectedFactLeavesTheRowAndItsQuery() {
        String county = get("/api/v1/stats/facts?region=%E5%86%85%E6%B1%9F%E5%B8%82&tier=county").getString("items[0].id");
        given().auth().oauth2(StatsResourceTest.token("ops", "ops-dev-secret")).contentType(ContentType.JSON)
                .body(Map.of("action", "reject")).put("/api/v1/stats/facts/" + county + "/curation").then()
                .statusCode(200);
        JsonPath platforms = get("/api/v1/stats/platforms");
        assertEquals(8, platforms.getInt("regions.find { it.region == '内江市' }.factCount"));
        assertEquals(10, platforms.getInt("regions.find { it.region == '内江市' }.tiers.county"));
        JsonPath listed = get(platforms.getString("regions.find { it.region == '内江市' }.factsQuery"));
        assertEquals(8, listed.getInt("total"));
        assertTrue(listed.getList("items.id").stream().noneMatch(county::equals));
    }

    @Test
    void rowsComeAPageAtATimeAndAllOfThemAsCsv() {
        JsonPath all = get("/api/v1/stats/platforms");
        assertEquals(2, all.getInt("total"));
        JsonPath second = get("/api/v1/stats/platforms?size=1&page=1");
        assertEquals(2, second.getInt("total"));
        assertEquals(1, second.getInt("page"));
        assertEquals(1, second.getInt("size"));
        assertEquals(all.getString("regions[1].region"), second.getString("regions[0].region"));
        assertEquals(all.getMap("totals"), second.getMap("totals"), "totals are over every row");
        assertEquals(0, get("/api/v1/stats/members?page=5").getList("regions").size());
        JsonPath members = get("/api/v1/stats/members?size=1");
        assertEquals(2, members.getInt("total"));
        assertEquals(2, members.getInt("totals.regions"), "totals are over every row");
        assertEquals(1, members.getList("regions").size());

        String analyst = StatsResourceTest.analyst();
        String csv = given().auth().oauth2(analyst).accept("text/csv").get("/api/v1/stats/platforms").then()
                .statusCode(200).extract().asString();
        assertEquals(1 + 3 + 2, csv.split("\r\n").length, "every tier of every row");
        String page = given().auth().oauth2(analyst).accept("text/csv").queryParam("size", 1)
                .get("/api/v1/stats/platforms").then().statusCode(200).extract().asString();
        assertEquals(1 + 3, page.split("\r\n").length, "one row asked for: 内江市's three tiers");
        for (String bad : List.of("page=-1", "size=0", "size=101", "page=x")) {
            given().auth().oauth2(analyst).urlEncodingEnabled(false).get("/api/v1/stats/members?" + bad).then()
                    .statusCode(400).contentType(Problem.MEDIA_TYPE).body("detail", startsWith(bad.split("=")[0]));
        }
        given().auth().oauth2(analyst).queryParam("summed", "maybe").get("/api/v1/stats/facts").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(analyst).queryParam("regionCode", "5".repeat(13)).get("/api/v1/stats/facts").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().auth().oauth2(analyst).queryParam("compilationId", 3).queryParam("summed", true)
                .queryParam("category", "platform").get("/api/v1/stats/facts").then().statusCode(200)
                .body("total", equalTo(6)).body("items", hasSize(6));
    }

    @Test
    void figuresAreTheStoresReadAgainAfterARestart() {
        String analyst = StatsResourceTest.analyst();
        List<String> paths = List.of("/api/v1/stats/overview", "/api/v1/stats/platforms", "/api/v1/stats/members",
                "/api/v1/stats/coverage", "/api/v1/stats/facts?size=100", "/api/v1/stats/facts?speechId=301",
                "/api/v1/stats/topics?terms=%E6%9C%89%E4%BA%8B%E6%9D%A5%E5%8D%8F%E5%95%86");
        List<String> before = paths.stream().map(p -> given().auth().oauth2(analyst).urlEncodingEnabled(false).get(p)
                .then().statusCode(200).extract().asString()).toList();
        // a store written before speeches kept their figures
        rows.speeches().updateMany(new Document(), new Document("$unset", new Document("figures", "")));
        index.reload();
        List<String> after = paths.stream().map(p -> given().auth().oauth2(analyst).urlEncodingEnabled(false).get(p)
                .then().statusCode(200).extract().asString()).toList();
        assertEquals(before, after);
        assertEquals(14, rows.speeches().find().into(new java.util.ArrayList<>()).stream()
                .filter(d -> d.get("figures") instanceof Document).count(), "the figures computed again are stored");
    }
}
