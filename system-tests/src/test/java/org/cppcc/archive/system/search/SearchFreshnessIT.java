package org.cppcc.archive.system.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.cppcc.archive.system.Keycloak;
import org.cppcc.archive.system.SystemUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;

/** A speech created through the gateway becomes searchable by itself, through the change feed. */
class SearchFreshnessIT {

    private static SystemUnderTest system;

    @BeforeAll
    static void start() throws Exception {
        system = SystemUnderTest.get();
        SearchStack.awaitIndexed(system, 12, Duration.ofSeconds(120));
    }

    @Test
    void aCreatedSpeechIsFoundWithoutAManualStep() throws Exception {
        long compilationId = SearchStack.export(system).get(0).path("compilationId").asLong();
        String marker = "鹭岛茶园协商议事新机制";
        Map<String, Object> speech = Map.of(
                "compilationId", compilationId,
                "order", 99,
                "committee", "政协测试委员会",
                "title", "新鲜度测试发言" + marker,
                "bodyAvailable", true,
                "lead", List.of("这是一篇用于检验搜索新鲜度的发言。"),
                "sections", List.of(Map.of("ordinal", 1, "heading", "检验搜索新鲜度",
                        "paragraphs", List.of("创建之后无需人工操作即可被搜索到:" + marker + "。"))),
                "outline", List.of());
        long created = System.nanoTime();
        JsonNode body = SearchStack.JSON.readTree(given().auth().oauth2(Keycloak.opsToken())
                .contentType(ContentType.JSON).body(speech)
                .post(system.gatewayUrl() + "/api/v1/speeches").then().statusCode(201).extract().asString());
        long id = body.path("id").asLong();

        long deadline = created + Duration.ofSeconds(30).toNanos();
        JsonNode hits = null;
        while (System.nanoTime() < deadline) {
            hits = SearchStack.JSON.readTree(given().auth().oauth2(Keycloak.portalToken())
                    .queryParam("q", marker).get(system.gatewayUrl() + "/api/v1/search")
                    .then().statusCode(200).extract().asString());
            if (hits.path("total").asLong() > 0) {
                break;
            }
            Thread.sleep(100);
        }
        long millis = (System.nanoTime() - created) / 1_000_000;
        System.out.printf("create-to-searchable: %d ms%n", millis);
        assertTrue(hits != null && hits.path("total").asLong() == 1, "not searchable within 30 s: " + hits);
        assertEquals(id, hits.path("hits").get(0).path("speechId").asLong());
        assertTrue(hits.path("hits").get(0).path("highlights").toString().contains("<em>"), hits.toString());
    }
}
