package org.cppcc.archive.system.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.cppcc.archive.system.Keycloak;
import org.cppcc.archive.system.SystemUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Search quality over the seed, measured: graded judgments (3 = the speech is about it, 2 = a substantial part
 * of it, 1 = it mentions it) for queries chosen by reading the speeches, keyed by the speech's order in the
 * compilation (1-12; 7-12 have only a title and headings), read from search-service's
 * {@code relevance/seed-judgments.tsv}. Prints P@1 and nDCG@5 for the service, through the
 * gateway, and for a stock baseline (plain Lucene BM25, SmartChineseAnalyzer, title and text, the classic query
 * parser); fails below the floor or when the service does not beat the baseline.
 */
@Order(1) // on the seed alone: other system tests add speeches that would be ranked too
class SearchRelevanceIT {

    /** Floors set from what the service reaches on this set (see the issue note), with a little slack. */
    static final double NDCG_FLOOR = 0.97;
    static final double P1_FLOOR = 0.95;

    record Judged(String query, Map<Integer, Integer> grades) {
    }

    /** The judgments, shared with search-service's in-process SeedRelevanceTest. */
    static final Path JUDGMENTS_FILE = Path.of("../search-service/src/test/resources/relevance/seed-judgments.tsv");
    static final List<Judged> JUDGMENTS = readJudgments();

    private static SystemUnderTest system;
    private static List<JsonNode> speeches;
    private static Map<Long, Integer> orderById;

    @BeforeAll
    static void start() throws Exception {
        system = SystemUnderTest.get();
        SearchStack.awaitIndexed(system, 12, Duration.ofSeconds(120));
        speeches = SearchStack.export(system);
        orderById = new HashMap<>();
        for (JsonNode speech : speeches) {
            orderById.put(speech.path("id").asLong(), speech.path("order").asInt());
        }
        assertEquals(12, speeches.size(), "the seed has 12 speeches");
    }

    @Test
    void serviceMeetsTheFloorAndBeatsTheStockBaseline() throws Exception {
        String token = Keycloak.portalToken();
        Map<String, List<Integer>> service = new LinkedHashMap<>();
        for (Judged judged : JUDGMENTS) {
            JsonNode result = SearchStack.JSON.readTree(given().auth().oauth2(token)
                    .queryParam("q", judged.query()).queryParam("size", 5)
                    .get(system.gatewayUrl() + "/api/v1/search").then().statusCode(200).extract().asString());
            List<Integer> orders = new ArrayList<>();
            result.path("hits").forEach(hit -> orders.add(orderById.get(hit.path("speechId").asLong())));
            service.put(judged.query(), orders);
        }
        Map<String, List<Integer>> baseline = baseline();

        Scores ours = score("service", service);
        Scores stock = score("baseline (BM25 + SmartChineseAnalyzer, title and text)", baseline);
        System.out.printf("%n%-22s %-14s %-14s%n", "query", "service top 5", "baseline top 5");
        for (Judged judged : JUDGMENTS) {
            System.out.printf("%-22s %-14s %-14s%n", judged.query(), service.get(judged.query()),
                    baseline.get(judged.query()));
        }
        System.out.printf("%nRelevance over %d queries: service P@1=%.3f nDCG@5=%.3f | baseline P@1=%.3f nDCG@5=%.3f%n%n",
                JUDGMENTS.size(), ours.p1(), ours.ndcg(), stock.p1(), stock.ndcg());

        assertTrue(JUDGMENTS.size() >= 25);
        assertTrue(ours.ndcg() >= NDCG_FLOOR, "nDCG@5 " + ours.ndcg() + " is below the floor " + NDCG_FLOOR);
        assertTrue(ours.p1() >= P1_FLOOR, "P@1 " + ours.p1() + " is below the floor " + P1_FLOOR);
        assertTrue(ours.ndcg() > stock.ndcg(), "the service does not beat the stock baseline on nDCG@5");
        assertTrue(ours.p1() >= stock.p1(), "the service is worse than the stock baseline on P@1");
    }

    record Scores(double p1, double ndcg) {
    }

    private static Scores score(String name, Map<String, List<Integer>> ranked) {
        double p1 = 0;
        double ndcg = 0;
        for (Judged judged : JUDGMENTS) {
            List<Integer> orders = ranked.get(judged.query());
            if (!orders.isEmpty() && judged.grades().getOrDefault(orders.get(0), 0) >= 2) {
                p1++;
            }
            double q = ndcg5(orders, judged.grades());
            ndcg += q;
            if (q < 1) {
                System.out.printf("[%s] %s: nDCG@5=%.3f, got %s, judged %s%n", name, judged.query(), q, orders,
                        judged.grades());
            }
        }
        return new Scores(p1 / JUDGMENTS.size(), ndcg / JUDGMENTS.size());
    }

    static double ndcg5(List<Integer> ranked, Map<Integer, Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(5, ranked.size()); i++) {
            dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(5, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 1 : dcg / idcg;
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Plain Lucene: BM25 (the default similarity), SmartChineseAnalyzer, title and text, the classic parser. */
    private static Map<String, List<Integer>> baseline() throws IOException, ParseException {
        SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (JsonNode speech : speeches) {
                    StringBuilder text = new StringBuilder();
                    speech.path("lead").forEach(l -> text.append(l.asText()).append('\n'));
                    speech.path("sections").forEach(s -> {
                        text.append(s.path("heading").asText()).append('\n');
                        s.path("paragraphs").forEach(p -> text.append(p.path("text").asText()).append('\n'));
                    });
                    speech.path("outline").forEach(o -> text.append(o.asText()).append('\n'));
                    text.append(speech.path("committee").asText());
                    Document doc = new Document();
                    doc.add(new StoredField("order", speech.path("order").asInt()));
                    doc.add(new TextField("title", speech.path("title").asText(), Field.Store.NO));
                    doc.add(new TextField("text", text.toString(), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            Map<String, List<Integer>> ranked = new LinkedHashMap<>();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (Judged judged : JUDGMENTS) {
                    MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] { "title", "text" }, analyzer);
                    Query query = parser.parse(QueryParser.escape(judged.query().replace("\"", " ").replace("-", " ")));
                    List<Integer> orders = new ArrayList<>();
                    for (ScoreDoc sd : searcher.search(query, 5).scoreDocs) {
                        orders.add(searcher.storedFields().document(sd.doc).getField("order").numericValue().intValue());
                    }
                    ranked.put(judged.query(), orders);
                }
            }
            return ranked;
        }
    }

    /** Lines of "query TAB order=grade order=grade…"; '#' lines are comments. */
    private static List<Judged> readJudgments() {
        try {
            List<Judged> judged = new ArrayList<>();
            for (String line : Files.readAllLines(JUDGMENTS_FILE, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                Map<Integer, Integer> grades = new LinkedHashMap<>();
                for (String pair : columns[1].strip().split(" ")) {
                    String[] orderGrade = pair.split("=");
                    grades.put(Integer.parseInt(orderGrade[0]), Integer.parseInt(orderGrade[1]));
                }
                judged.add(new Judged(columns[0], grades));
            }
            return judged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
