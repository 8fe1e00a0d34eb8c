package org.cppcc.archive.search.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cppcc.archive.search.model.Filters;
import org.cppcc.archive.search.model.Hit;
import org.cppcc.archive.search.query.QueryParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The graded judgments of {@code relevance/seed-judgments.tsv} over the seed, in process: P@1 and nDCG@5 of the
 * service's ranking without HTTP around it, so an analysis change is measured in seconds (system-tests'
 * SearchRelevanceIT measures the same set through the gateway); on each backend, with the same floors.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class SeedRelevanceTest {

    static final double NDCG_FLOOR = 0.97;
    static final double P1_FLOOR = 0.95;

    record Judged(String query, Map<Integer, Integer> grades) {
    }

    @Parameter
    Backend backend;

    @Test
    void rankingMeetsTheFloors() throws IOException {
        List<Judged> judgments = judgments();
        double p1 = 0;
        double ndcg = 0;
        try (SpeechIndex index = SeedSpeeches.index(backend, "relevance", SeedSpeeches.all())) {
            for (Judged judged : judgments) {
                List<Integer> ranked = index.search(QueryParser.parse(judged.query()), Filters.none(), 0, 5).hits()
                        .stream().map(Hit::order).toList();
                if (!ranked.isEmpty() && judged.grades().getOrDefault(ranked.get(0), 0) >= 2) {
                    p1++;
                }
                double q = ndcg5(ranked, judged.grades());
                ndcg += q;
                if (q < 1) {
                    System.out.printf("%s: nDCG@5=%.3f, got %s, judged %s%n", judged.query(), q, ranked,
                            judged.grades());
                }
            }
        }
        p1 /= judgments.size();
        ndcg /= judgments.size();
        System.out.printf("relevance over %d queries, in process, %s: P@1=%.3f nDCG@5=%.3f%n", judgments.size(),
                backend, p1, ndcg);
        assertTrue(ndcg >= NDCG_FLOOR, "nDCG@5 " + ndcg + " is below the floor " + NDCG_FLOOR);
        assertTrue(p1 >= P1_FLOOR, "P@1 " + p1 + " is below the floor " + P1_FLOOR);
    }

    static List<Judged> judgments() {
        try (InputStream in = SeedRelevanceTest.class.getResourceAsStream("/relevance/seed-judgments.tsv")) {
            List<Judged> judged = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                Map<Integer, Integer> grades = new LinkedHashMap<>();
                for (String pair : columns[1].strip().split(" ")) {
                    String[] og = pair.split("=");
                    grades.put(Integer.parseInt(og[0]), Integer.parseInt(og[1]));
                }
                judged.add(new Judged(columns[0], grades));
            }
            return judged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
