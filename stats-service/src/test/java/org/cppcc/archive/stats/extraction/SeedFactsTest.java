package org.cppcc.archive.stats.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

/**
 * The extractor against the facts labelled by reading the seed compilation: every paragraph and heading of
 * speeches 1-6 and the outline headings of 7-12 (seed-paragraphs.tsv), every fact in them
 * (labelled-facts.tsv). Prints precision and recall and fails below the floors.
 */
public class SeedFactsTest {

    static final double PRECISION_FLOOR = 0.95;
    static final double RECALL_FLOOR = 0.95;

    public record Text(String region, String kind, String text) {
    }

    record Label(String region, String span, BigDecimal value, String unit, String subject, String category,
            String tier, String approx, String range, String change) {
    }

    record Found(String region, ExtractedFact fact) {
    }

    private final FactExtractor extractor = new FactExtractor();

    @Test
    void everyLabelledFactIsExtractedExactly() throws IOException {
        List<Found> found = extractAll();
        List<String> failures = new ArrayList<>();
        List<Label> labels = labels();
        assertTrue(labels.size() >= 30, "at least 30 labelled facts");
        for (Label label : labels) {
            Found match = found.stream().filter(f -> f.region().equals(label.region())
                    && f.fact().text().equals(label.span())).findFirst().orElse(null);
            if (match == null) {
                failures.add("missing " + label);
                continue;
            }
            ExtractedFact f = match.fact();
            String actual = describe(f);
            String expected = describe(label);
            if (!actual.equals(expected)) {
                failures.add(label.region() + " " + label.span() + ": expected " + expected + " but was " + actual);
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    @Test
    void provenancePointsIntoTheParagraph() throws IOException {
        for (Text text : texts()) {
            for (ExtractedFact f : extractor.extract(text.text())) {
                assertEquals(f.text(), text.text().substring(f.start(), f.end()));
                assertEquals(f.sentence(), text.text().substring(f.sentenceStart(), f.sentenceStart() + f.sentence().length()));
                assertTrue(f.sentenceStart() <= f.start() && f.end() <= f.sentenceStart() + f.sentence().length(),
                        () -> "span inside its sentence: " + f);
            }
        }
    }

    @Test
    void precisionAndRecallOverTheSeed() throws IOException {
        List<Found> found = extractAll();
        List<Label> labels = labels();
        Map<String, Integer> expected = new HashMap<>();
        labels.forEach(l -> expected.merge(l.region() + "|" + l.span(), 1, Integer::sum));
        int truePositives = 0;
        List<String> falsePositives = new ArrayList<>();
        for (Found f : found) {
            String key = f.region() + "|" + f.fact().text();
            Integer left = expected.get(key);
            if (left != null && left > 0) {
                expected.put(key, left - 1);
                truePositives++;
            } else {
                falsePositives.add(key + " in: " + f.fact().sentence());
            }
        }
        double precision = found.isEmpty() ? 0 : (double) truePositives / found.size();
        double recall = (double) truePositives / labels.size();
        System.out.printf("Fact extraction on the seed: %d labelled, %d extracted, %d correct; precision %.3f, recall %.3f%n",
                labels.size(), found.size(), truePositives, precision, recall);
        falsePositives.forEach(fp -> System.out.println("  false positive: " + fp));
        expected.forEach((k, v) -> {
            if (v > 0) {
                System.out.println("  missed: " + k);
            }
        });
        assertTrue(precision >= PRECISION_FLOOR, "precision " + precision + " below " + PRECISION_FLOOR);
        assertTrue(recall >= RECALL_FLOOR, "recall " + recall + " below " + RECALL_FLOOR);
    }

    /** The label's attributes in {@link #describe}'s form. */
    static String describe(Label label) {
        return label.value().toPlainString() + "|" + label.unit() + "|" + label.subject() + "|" + label.category()
                + "|" + label.tier() + "|" + label.approx() + "|" + label.range() + "|" + label.change();
    }

    static String describe(ExtractedFact f) {
        return f.value().toPlainString() + "|" + f.unit() + "|" + (f.subject().isEmpty() ? "-" : f.subject()) + "|"
                + f.category() + "|" + dash(f.tier()) + "|" + dash(f.approx()) + "|"
                + (f.range() == null ? "-" : f.range().min().toPlainString() + "-" + f.range().max().toPlainString())
                + "|" + (f.change() == null ? "-"
                        : f.change().from().toPlainString() + ">" + f.change().to().toPlainString());
    }

    private static String dash(Object o) {
        return o == null ? "-" : o.toString();
    }

    private List<Found> extractAll() throws IOException {
        return extractAll(extractor, texts());
    }

    static List<Found> extractAll(FactExtractor extractor, List<Text> texts) {
        List<Found> found = new ArrayList<>();
        for (Text text : texts) {
            // headings and outline entries keep their ordinals (一、) here: they must not become facts
            extractor.extract(text.text()).forEach(f -> found.add(new Found(text.region(), f)));
        }
        return found;
    }

    public static List<Text> texts() throws IOException {
        return texts("/seed-paragraphs.tsv");
    }

    /** The texts of a paragraphs file: region, kind (P paragraph or lead, H heading, O outline entry), text. */
    static List<Text> texts(String resource) throws IOException {
        List<Text> texts = new ArrayList<>();
        for (String line : lines(resource)) {
            String[] cols = line.split("\t", 3);
            texts.add(new Text(cols[0], cols[1], cols[2]));
        }
        return texts;
    }

    static List<Label> labels() throws IOException {
        return labels("/labelled-facts.tsv");
    }

    /** The facts of a labels file: region, span, value, unit, subject, category, tier, approx, range, change. */
    static List<Label> labels(String resource) throws IOException {
        List<Label> labels = new ArrayList<>();
        for (String line : lines(resource)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            labels.add(new Label(c[0], c[1], new BigDecimal(c[2]), c[3], c[4], c[5], c[6], c[7], c[8], c[9]));
        }
        return labels;
    }

    static List<String> lines(String resource) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(SeedFactsTest.class.getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
