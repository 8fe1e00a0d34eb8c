package org.cppcc.archive.stats.extraction;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.cppcc.archive.stats.extraction.SeedFactsTest.Found;
import org.cppcc.archive.stats.extraction.SeedFactsTest.Label;
import org.junit.jupiter.api.Test;

/**
 * The extractor on compilations its rules were not written against: for each fixture under {@code unseen/}, its
 * paragraphs ({@code <name>-paragraphs.tsv}) and the facts labelled by reading them before any extractor ran
 * ({@code <name>-facts.tsv}). A fact is found when an extracted span of the same region equals a labelled one;
 * it is also exact when value, unit, category, tier, hedge, range and change agree (subjects are printed, not
 * scored: a noun phrase's bounds are a matter of judgement). Prints both per fixture and overall, and fails when
 * precision or recall of either falls below the floor, overall or in any fixture.
 */
class UnseenFactsTest {

    static final double FLOOR = 0.9;

    private final FactExtractor extractor = new FactExtractor();

    /** Counts of one fixture (or of all). */
    private static final class Score {
        int labelled;
        int extracted;
        int found;
        int exact;
        int sameSubject;

        void add(Score s) {
            labelled += s.labelled;
            extracted += s.extracted;
            found += s.found;
            exact += s.exact;
            sameSubject += s.sameSubject;
        }

        double precision(int correct) {
            return extracted == 0 ? 0 : (double) correct / extracted;
        }

        double recall(int correct) {
            return labelled == 0 ? 0 : (double) correct / labelled;
        }

        String line(String name) {
            return String.format("%-48s %3d labelled %3d extracted | spans: precision %.3f recall %.3f | exact: "
                    + "precision %.3f recall %.3f | same subject %d/%d", name, labelled, extracted, precision(found),
                    recall(found), precision(exact), recall(exact), sameSubject, found);
        }

        boolean below(double floor) {
            return precision(found) < floor || recall(found) < floor || precision(exact) < floor
                    || recall(exact) < floor;
        }
    }

    @Test
    void precisionAndRecallOnUnseenFixtures() throws IOException, URISyntaxException {
        List<String> fixtures = fixtures();
        assertTrue(fixtures.size() >= 3, "at least three labelled unseen fixtures, found " + fixtures);
        Score all = new Score();
        List<String> report = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (String name : fixtures) {
            Score score = score(name, report);
            System.out.println(score.line(name));
            if (score.below(FLOOR)) {
                failing.add(name);
            }
            all.add(score);
        }
        System.out.println(all.line("overall (" + fixtures.size() + " fixtures)"));
        report.forEach(System.out::println);
        assertTrue(failing.isEmpty() && !all.below(FLOOR), "below " + FLOOR + ": " + failing + " / overall "
                + all.line(""));
    }

    private Score score(String name, List<String> report) throws IOException {
        List<Found> found = SeedFactsTest.extractAll(extractor, SeedFactsTest.texts("/unseen/" + name + "-paragraphs.tsv"));
        List<Label> labels = SeedFactsTest.labels("/unseen/" + name + "-facts.tsv");
        Map<String, List<Label>> expected = new HashMap<>();
        labels.forEach(l -> expected.computeIfAbsent(l.region() + "|" + l.span(), k -> new ArrayList<>()).add(l));
        Score score = new Score();
        score.labelled = labels.size();
        score.extracted = found.size();
        for (Found f : found) {
            String key = f.region() + "|" + f.fact().text();
            List<Label> left = expected.getOrDefault(key, List.of());
            if (left.isEmpty()) {
                report.add("  " + name + " false positive: " + key + " " + SeedFactsTest.describe(f.fact()) + " in: "
                        + f.fact().sentence());
                continue;
            }
            Label label = left.remove(0);
            score.found++;
            String[] want = SeedFactsTest.describe(label).split("\\|", -1);
            String[] got = SeedFactsTest.describe(f.fact()).split("\\|", -1);
            boolean exact = true;
            for (int i = 0; i < want.length; i++) {
                exact &= i == 2 || want[i].equals(got[i]); // column 2 is the subject
            }
            score.exact += exact ? 1 : 0;
            score.sameSubject += want[2].equals(got[2]) ? 1 : 0;
            if (!exact || !want[2].equals(got[2])) {
                report.add("  " + name + (exact ? " subject: " : " attributes: ") + key + " labelled "
                        + SeedFactsTest.describe(label) + " extracted " + SeedFactsTest.describe(f.fact()));
            }
        }
        expected.forEach((k, v) -> v.forEach(l -> report.add("  " + name + " missed: " + k + " "
                + SeedFactsTest.describe(l))));
        return score;
    }

    /** The fixture names, from the {@code unseen/*-facts.tsv} files beside this test's classes. */
    private static List<String> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(UnseenFactsTest.class.getResource("/unseen"), "unseen/").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-facts.tsv"))
                    .map(n -> n.substring(0, n.length() - "-facts.tsv".length())).sorted().toList();
        }
    }
}
