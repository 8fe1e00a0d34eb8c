package org.cppcc.archive.stats.service;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.cppcc.archive.stats.extraction.SeedFactsTest;
import org.cppcc.archive.stats.repository.Fence;
import org.cppcc.archive.stats.repository.LeaseGrant;
import org.cppcc.archive.stats.repository.StatsRepository;
import org.cppcc.archive.stats.rest.SeedSpeeches;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A benchmark, not a test (surefire runs it only when named): applies N speeches recombined from the seed's
 * paragraphs through the real applier, as the consumer holding the lease (fenced writes), onto the embedded server
 * persisted to a file as in production, with the generation poll running; prints speeches/s and paragraphs/s per
 * step, so a cost that grows with the store shows, and the same per second of the process's CPU time (the whole
 * process: applier, embedded server, generation poll), a figure that a loaded machine disturbs less. Paragraphs
 * are the lead and body paragraphs (10 a speech), not the headings. Asserts nothing.
 *
 * <pre>
 * mvn -pl stats-service -am verify -Dtest=ExtractionBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.speeches=3000
 * </pre>
 */
@QuarkusTest
@TestProfile(ExtractionBenchmark.PersistentStore.class)
class ExtractionBenchmark {

    /** The embedded store on a file (as deploy/run has it), in a directory of its own. */
    public static final class PersistentStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stats.mongo.embedded-persistent", "true", "stats.data-dir",
                    Path.of("target", "bench-data", "stats-" + System.nanoTime()).toString());
        }
    }

    @Inject
    StatsRepository repository;
    @Inject
    ChangeApplier applier;

    @Test
    void applySpeeches() throws Exception {
        int total = Integer.getInteger("bench.speeches", 2000);
        int step = Math.max(1, total / 10);
        List<SeedFactsTest.Text> texts = SeedFactsTest.texts();
        List<String> paragraphs = texts.stream().filter(t -> t.kind().equals("P")).map(SeedFactsTest.Text::text)
                .toList();
        List<String> headings = texts.stream().filter(t -> t.kind().equals("H")).map(SeedFactsTest.Text::text)
                .toList();
        List<SeedSpeeches.Template> committees = SeedSpeeches.templates();
        repository.reset();
        Instant now = Instant.now();
        LeaseGrant grant = repository.acquireLease("bench", 0, now, now.plus(Duration.ofHours(1))).orElseThrow();
        Fence fence = new Fence("bench", grant.epoch());
        Random random = new Random(7);
        ObjectMapper json = new ObjectMapper();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean();
        long started = System.nanoTime();
        long startedCpu = os.getProcessCpuTime();
        long windowStart = started;
        long windowCpu = startedCpu;
        int windowParagraphs = 0;
        int allParagraphs = 0;
        for (int i = 1; i <= total; i++) {
            SeedSpeeches.Template committee = committees.get(i % committees.size());
            ObjectNode s = json.createObjectNode();
            s.put("id", i).put("order", i).put("committee", committee.committee()).put("region", committee.region())
                    .put("regionCode", committee.regionCode()).put("level", committee.level())
                    .put("parentRegion", committee.parentRegion()).put("title", "title " + i)
                    .put("compilationId", 1 + i / 1000).put("version", 1).put("bodyAvailable", true)
                    .put("truncated", false);
            s.putArray("lead").add(paragraphs.get(random.nextInt(paragraphs.size())));
            s.putArray("outline");
            ArrayNode sections = s.putArray("sections");
            int count = 1;
            for (int section = 1; section <= 3; section++) {
                ObjectNode sec = sections.addObject().put("ordinal", section)
                        .put("heading", headings.get(random.nextInt(headings.size())));
                ArrayNode ps = sec.putArray("paragraphs");
                for (int p = 1; p <= 3; p++) {
                    ps.addObject().put("id", "p-" + section + "-" + p)
                            .put("text", paragraphs.get(random.nextInt(paragraphs.size())));
                    count++;
                }
            }
            applier.apply(SeedSpeeches.change(i, "upsert", i, 1, s), fence);
            windowParagraphs += count;
            allParagraphs += count;
            if (i % step == 0) {
                long t = System.nanoTime();
                long cpu = os.getProcessCpuTime();
                double seconds = (t - windowStart) / 1e9;
                double cpuSeconds = (cpu - windowCpu) / 1e9;
                System.out.printf("ExtractionBenchmark: speeches %d-%d: %.0f speeches/s, %.0f paragraphs/s; "
                        + "per CPU second %.0f speeches, %.0f paragraphs%n", i - step + 1, i, step / seconds,
                        windowParagraphs / seconds, step / cpuSeconds, windowParagraphs / cpuSeconds);
                windowStart = t;
                windowCpu = cpu;
                windowParagraphs = 0;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - startedCpu) / 1e9;
        System.out.printf("ExtractionBenchmark: %d speeches (%d paragraphs) in %.1f s (%.1f CPU s): %.0f speeches/s, "
                + "%.0f paragraphs/s; per CPU second %.0f speeches, %.0f paragraphs%n", total, allParagraphs, seconds,
                cpuSeconds, total / seconds, allParagraphs / seconds, total / cpuSeconds, allParagraphs / cpuSeconds);
    }
}
