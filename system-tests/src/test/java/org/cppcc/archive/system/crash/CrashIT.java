package org.cppcc.archive.system.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.cppcc.archive.system.Client;
import org.cppcc.archive.system.Keycloak;
import org.cppcc.archive.system.SpeechInputs;
import org.cppcc.archive.system.SystemUnderTest;
import org.cppcc.archive.system.crash.Ledger.CuratedFact;
import org.cppcc.archive.system.crash.Ledger.Curation;
import org.cppcc.archive.system.crash.Ledger.SpeechState;
import org.cppcc.archive.system.crash.Ledger.Tracked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Jepsen-style crash test. A system of its own runs on its stores; writers go through the gateway (creates,
 * replaces with If-Match, deletes, one compilation import, fact curations) and keep a {@link Ledger} of what was
 * acknowledged, while every service and the gateway are killed with SIGKILL at random moments (several times
 * each, some together) and restarted on the same data. At the end, with everything up again and the consumers
 * caught up:
 * <ul>
 * <li>every acknowledged write is there with its exact content and version; an uncertain one is there wholly or
 * not at all; no speech is stored twice;</li>
 * <li>the change feed is gapless and in order, each speech's versions in it increase one by one, and its last
 * entry per speech is what the store holds;</li>
 * <li>search holds exactly the store's speeches, each once, with their current titles;</li>
 * <li>stats holds exactly the store's speeches and each fact once, of the current version only, with the
 * acknowledged curations; a deleted speech has no facts.</li>
 * </ul>
 * Run on the embedded default (H2 file, embedded Mongo-wire server over H2) and with document-service on
 * PostgreSQL. Prints acknowledged / uncertain / lost / duplicated per run.
 */
@Execution(ExecutionMode.CONCURRENT) // side by side when junit.jupiter.execution.parallel.enabled=true
@EnabledIfSystemProperty(named = "crash", matches = "true", disabledReason = "a command of its own "
        + "(deploy/test -Dcrash=true ..., which .ci/run runs after deploy/test): its two runs take minutes each and "
        + "would push deploy/test past its 15 minutes")
class CrashIT {

    private static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    private static final String DOCUMENT = "document-service";
    private static final String SEARCH = "search-service";
    private static final String STATS = "stats-service";
    private static final String GATEWAY = "gateway";
    private static final String[] ALL = { DOCUMENT, SEARCH, STATS, GATEWAY };
    /**
     * The kills of one run, in random order and at random moments: each service twice, the gateway once, some
     * together (their restarts overlap, which keeps the run short).
     */
    private static final List<String[]> KILLS = List.of(new String[] { DOCUMENT }, new String[] { SEARCH, STATS },
            new String[] { DOCUMENT, SEARCH }, new String[] { STATS, GATEWAY });
    private static final int WRITERS = 4;
    private static final String LEAD = "这是一篇用于崩溃测试的发言。";
    private static final String TITLE = "崩溃测试 ";

    @Test
    void embeddedStores() throws Exception {
        run("embedded", Map.of(), Map.of());
    }

    /**
     * The same on other packages of document-service and stats-service ({@code -Dcrash.packages=DIR}, holding
     * {@code DIR/<module>/quarkus-app}), e.g. built before a change, to see that the test finds what it fixes.
     */
    @Test
    void embeddedStoresOfOtherPackages() throws Exception {
        String other = System.getProperty("crash.packages", "");
        assumeTrue(!other.isBlank(), "no -Dcrash.packages");
        run("embedded-other-packages", Map.of(), Map.of(DOCUMENT, Path.of(other, DOCUMENT, "quarkus-app"), STATS,
                Path.of(other, STATS, "quarkus-app")));
    }

    @Test
    void documentServiceOnPostgresql() throws Exception {
        Path app = REPO.resolve("document-service/target/postgresql");
        assertTrue(Files.exists(app.resolve("quarkus-run.jar")), app + " is missing: document-service's build makes"
                + " it unless tests are skipped");
        String port = System.getenv().getOrDefault("TEST_PG_PORT", "55432");
        String database = "speech_archive_crash";
        // a database of its own, new each run: the other tests' database is left alone
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database + " OWNER speech_archive ENCODING 'UTF8'");
        }
        run("postgresql", Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                "QUARKUS_DATASOURCE_USERNAME", "speech_archive", "QUARKUS_DATASOURCE_PASSWORD", "speech_archive"),
                Map.of(DOCUMENT, app));
    }

    private void run(String name, Map<String, String> env, Map<String, Path> apps) throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Map<String, String> settings = new HashMap<>(env);
        for (String role : new String[] { "ADMIN", "EDITOR", "READER", "ANALYST" }) {
            settings.put("GATEWAY_RATE_LIMIT_" + role, "100000000");
        }
        // every restart is a JVM start competing with the load: the quick compiler only, and the lean collector
        settings.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        long started = System.nanoTime();
        SystemUnderTest system = SystemUnderTest.startSeparate("crash-" + name, settings, apps);
        try {
            Client client = new Client(system.gatewayUrl(), Keycloak::opsToken);
            Run run = new Run(system, client, new Ledger(), new Random(seed));
            run.prepare();
            long writing = System.nanoTime();
            run.writeWhileKilling();
            long checking = System.nanoTime();
            List<String> failures = new ArrayList<>();
            try {
                failures.addAll(run.verify());
            } catch (RuntimeException | AssertionError e) {
                failures.add("the checks could not finish: " + e);
            }
            long done = System.nanoTime();
            Ledger l = run.ledger;
            System.out.printf("crash ledger [%s] seed %d: acknowledged %d (creates %d, replaces %d, deletes %d, "
                    + "curations %d, import %d), uncertain %d, lost %d, duplicated %d, anomalies %d; kills %s; "
                    + "start %.0f s, writing %.0f s, checks %.0f s%n", name, seed, l.acknowledged(), l.ackedCreates.get(),
                    l.ackedReplaces.get(), l.ackedDeletes.get(), l.ackedCurations.get(), l.ackedImports.get(),
                    l.uncertainWrites.get(), run.lost.size(), run.duplicated.size(), l.anomalies.size(), run.kills,
                    (writing - started) / 1e9, (checking - writing) / 1e9, (done - checking) / 1e9);
            failures.stream().limit(40).forEach(f -> System.out.println("  " + f));
            assertTrue(l.acknowledged() > 50, "too few writes were acknowledged to test anything: " + l.acknowledged());
            assertEquals(List.of(), failures, "see the log of the system under " + system.workDir());
        } finally {
            system.close();
        }
    }

    /** One run: the system, its writers and the ledger. */
    private static final class Run {

        final SystemUnderTest system;
        final Client client;
        final Ledger ledger;
        final Random random;
        final Set<String> down = ConcurrentHashMap.newKeySet();
        final List<String> kills = Collections.synchronizedList(new ArrayList<>());
        final List<String> lost = new ArrayList<>();
        final List<String> duplicated = new ArrayList<>();
        final AtomicInteger planted = new AtomicInteger(100);
        volatile boolean stopped;
        long seedCompilation;
        String importText;

        Run(SystemUnderTest system, Client client, Ledger ledger, Random random) {
            this.system = system;
            this.client = client;
            this.ledger = ledger;
            this.random = random;
        }

        /** Waits for the seed import and its facts; picks the facts to curate. */
        void prepare() throws Exception {
            JsonNode compilations = client.await("GET", "/api/v1/compilations", null, 200, Duration.ofSeconds(60),
                    body -> body.path("total").asLong() > 0);
            seedCompilation = compilations.path("items").get(0).path("id").asLong();
            JsonNode facts = client.await("GET", "/api/v1/stats/facts?size=10", null, 200, Duration.ofSeconds(90),
                    body -> body.path("items").size() == 10);
            for (JsonNode fact : facts.path("items")) {
                String id = fact.path("id").asText();
                ledger.facts.put(id, new CuratedFact(id, new Curation(fact.path("status").asText(), null)));
            }
            importText = Files.readString(REPO.resolve("document-service/src/main/resources/seed/"
                    + "sichuan-cppcc-exchange-2021-09-28.txt"), StandardCharsets.UTF_8) + "\n\n"; // another SHA-256
        }

        void writeWhileKilling() throws InterruptedException {
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                long writerSeed = random.nextLong();
                threads.add(Thread.ofPlatform().name("writer-" + w).start(() -> writer(writer, new Random(writerSeed))));
            }
            long curatorSeed = random.nextLong();
            threads.add(Thread.ofPlatform().name("curator").start(() -> curator(new Random(curatorSeed))));
            long importDelay = 2000 + random.nextInt(8000);
            threads.add(Thread.ofPlatform().name("importer").start(() -> importer(importDelay)));

            List<String[]> order = new ArrayList<>(KILLS);
            Collections.shuffle(order, random);
            long t0 = System.nanoTime();
            for (String[] modules : order) {
                Thread.sleep(1500 + random.nextInt(3500));
                Collections.addAll(down, modules);
                for (String module : modules) {
                    system.kill(module);
                }
                kills.add(String.join("+", modules).replace("-service", "") + String.format("@%.1fs",
                        (System.nanoTime() - t0) / 1e9));
                for (String module : modules) {
                    system.start(module);
                }
                for (String module : modules) {
                    down.remove(module);
                }
            }
            Thread.sleep(2000);
            stopped = true;
            for (Thread thread : threads) {
                thread.join();
            }
        }

        /** Waits while a module this write needs is being restarted. */
        private void awaitUp(String... modules) {
            while (!stopped && java.util.Arrays.stream(modules).anyMatch(down::contains)) {
                sleep(50);
            }
        }

        private void writer(int w, Random random) {
            List<Tracked> mine = new ArrayList<>();
            int seq = 0;
            while (!stopped) {
                awaitUp(DOCUMENT, GATEWAY);
                if (stopped) {
                    break;
                }
                List<Tracked> live = mine.stream().filter(t -> !t.frozen()).toList();
                double p = random.nextDouble();
                if (live.size() < 3 || p < 0.45) {
                    Tracked t = new Tracked("w" + w + "-" + (++seq));
                    mine.add(t);
                    ledger.speeches.add(t);
                    create(t, 1000 + w * 2000 + seq);
                } else if (p < 0.85) {
                    replace(live.get(random.nextInt(live.size())));
                } else {
                    delete(live.get(random.nextInt(live.size())));
                }
                // a pace the consumers can follow on a small machine, so that they catch up soon after
                sleep(100 + random.nextInt(200));
            }
        }

        private SpeechState state(String marker, long version) {
            int n = planted.incrementAndGet();
            return new SpeechState(marker, version, false, TITLE + marker + " 第" + version + "版", LEAD,
                    "本县建成协商平台" + n + "个。", n);
        }

        private Map<String, Object> input(SpeechState s, int order) {
            return SpeechInputs.oneSection(seedCompilation, order, "政协崩溃测试委员会", s.title(), s.lead(), "协商平台建设",
                    s.paragraph());
        }

        private void create(Tracked t, int order) {
            SpeechState s = state(t.marker, 1);
            t.order = order;
            Client.Answer a = client.call("POST", "/api/v1/speeches", input(s, order), Map.of());
            if (a.status() == 201) {
                t.id = a.body().path("id").asLong();
                t.acknowledged = s;
                ledger.ackedCreates.incrementAndGet();
                if (a.body().path("version").asLong() != 1) {
                    ledger.anomalies.add("create " + t.marker + " answered version " + a.body().path("version"));
                }
            } else {
                uncertainOrAnomaly(a, "create " + t.marker, () -> t.uncertain = s);
            }
        }

        private void replace(Tracked t) {
            SpeechState current = t.acknowledged;
            SpeechState next = state(t.marker, current.version() + 1);
            Client.Answer a = client.call("PUT", "/api/v1/speeches/" + t.id, input(next, t.order),
                    Map.of("If-Match", "\"" + t.id + "-v" + current.version() + "\""));
            if (a.status() == 200) {
                t.acknowledged = next;
                ledger.ackedReplaces.incrementAndGet();
                if (a.body().path("version").asLong() != next.version()) {
                    ledger.anomalies.add("replace " + t.marker + " answered version " + a.body().path("version"));
                }
            } else {
                uncertainOrAnomaly(a, "replace " + t.marker, () -> t.uncertain = next);
            }
        }

        private void delete(Tracked t) {
            SpeechState current = t.acknowledged;
            Client.Answer a = client.call("DELETE", "/api/v1/speeches/" + t.id, null,
                    Map.of("If-Match", "\"" + t.id + "-v" + current.version() + "\""));
            if (a.status() == 204) {
                t.acknowledged = SpeechState.deletedAfter(current);
                ledger.ackedDeletes.incrementAndGet();
            } else {
                uncertainOrAnomaly(a, "delete " + t.marker, () -> t.uncertain = SpeechState.deletedAfter(current));
            }
        }

        private void curator(Random random) {
            int k = 0;
            while (!stopped) {
                awaitUp(STATS, GATEWAY);
                List<CuratedFact> open = ledger.facts.values().stream().filter(f -> f.uncertain == null).toList();
                if (stopped || open.isEmpty()) {
                    break;
                }
                CuratedFact fact = open.get(random.nextInt(open.size()));
                boolean confirm = random.nextBoolean();
                Curation next = new Curation(confirm ? "confirmed" : "rejected", "崩溃测试备注" + (++k));
                Client.Answer a = client.call("PUT", "/api/v1/stats/facts/" + fact.id + "/curation",
                        Map.of("action", confirm ? "confirm" : "reject", "note", next.note()), Map.of());
                if (a.status() == 200) {
                    fact.acknowledged = next;
                    ledger.ackedCurations.incrementAndGet();
                } else {
                    uncertainOrAnomaly(a, "curation of " + fact.id, () -> fact.uncertain = next);
                }
                sleep(100 + random.nextInt(200));
            }
        }

        private void importer(long delayMillis) {
            sleep(delayMillis);
            awaitUp(DOCUMENT, GATEWAY);
            Client.Answer a = client.callText("POST", "/api/v1/compilations/import", importText);
            if (a.status() == 201) {
                List<Long> ids = new ArrayList<>();
                a.body().path("speeches").forEach(s -> ids.add(s.path("id").asLong()));
                ledger.importedSpeechIds = ids;
                ledger.ackedImports.incrementAndGet();
            } else {
                uncertainOrAnomaly(a, "import", () -> ledger.importUncertain = true);
            }
        }

        private void uncertainOrAnomaly(Client.Answer a, String what, Runnable uncertain) {
            if (a.status() < 0 || a.status() >= 500) {
                uncertain.run();
                ledger.uncertainWrites.incrementAndGet();
                sleep(100);
            } else {
                ledger.anomalies.add(what + " answered " + a.status() + ": " + a.body());
            }
        }

        // ---- the checks ------------------------------------------------------------------------------

        List<String> verify() throws Exception {
            for (String module : ALL) {
                system.start(module);
            }
            List<String> failures = new ArrayList<>(ledger.anomalies);
            Set<Long> importIds = resolveImport(failures);
            long head = client.await("GET", "/api/v1/changes?after=0&limit=1", null, 200, Duration.ofSeconds(60),
                    body -> true).path("head").asLong();
            awaitConsumers(head);

            // the store: every speech, by id
            Map<Long, JsonNode> store = new HashMap<>();
            for (int page = 0;; page++) {
                JsonNode body = client.await("GET", "/api/v1/speeches?size=100&sort=id&page=" + page, null, 200,
                        Duration.ofSeconds(30), b -> true);
                body.path("items").forEach(s -> store.put(s.path("id").asLong(), s));
                if ((page + 1) * 100L >= body.path("total").asLong()) {
                    break;
                }
            }
            checkLedger(store, failures);
            checkDuplicates(store, failures);
            checkFeed(head, store, failures);
            checkSearch(store, failures);
            checkStats(store, failures);
            if (ledger.importedSpeechIds != null && !store.keySet().containsAll(ledger.importedSpeechIds)) {
                failures.add("speeches of the acknowledged import are missing");
            }
            if (importIds.size() != 12) {
                failures.add("the import holds " + importIds.size() + " speeches, not 12");
            }
            return failures;
        }

        /** Repeats the import (idempotent by SHA-256): 200 says it was stored, 201 that it was not until now. */
        private Set<Long> resolveImport(List<String> failures) throws Exception {
            Client.Answer a = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                a = client.callText("POST", "/api/v1/compilations/import", importText);
                if (a.status() == 200 || a.status() == 201) {
                    break;
                }
                Thread.sleep(500);
            }
            assertTrue(a != null && (a.status() == 200 || a.status() == 201), "the repeated import answered " + a);
            if (a.status() == 201 && ledger.importedSpeechIds != null) {
                lost.add("the acknowledged import");
                failures.add("LOST: the acknowledged import is not in the store");
            }
            Set<Long> ids = new HashSet<>();
            a.body().path("speeches").forEach(s -> ids.add(s.path("id").asLong()));
            if (a.status() == 200 && ledger.importedSpeechIds != null && !ids.equals(Set.copyOf(ledger.importedSpeechIds))) {
                failures.add("the import's speeches changed: acknowledged " + ledger.importedSpeechIds + ", now " + ids);
            }
            return ids;
        }

        private void awaitConsumers(long head) throws Exception {
            for (String status : new String[] { "/api/v1/search/status", "/api/v1/stats/status" }) {
                client.await("GET", status, null, 200, Duration.ofMinutes(6),
                        body -> Long.parseLong(body.path("feedCursor").asText("0")) >= head);
            }
        }

        private void checkLedger(Map<Long, JsonNode> store, List<String> failures) throws Exception {
            for (Tracked t : List.copyOf(ledger.speeches)) {
                if (t.id == null) {
                    continue; // an uncertain create: see checkDuplicates
                }
                Client.Answer a = client.call("GET", "/api/v1/speeches/" + t.id, null, Map.of());
                SpeechState found = a.status() == 410 ? SpeechState.deletedAfter(t.acknowledged)
                        : a.status() == 200 ? parse(t.marker, a.body()) : null;
                boolean matches = same(found, t.acknowledged) || same(found, t.uncertain);
                if (!matches) {
                    lost.add(t.marker);
                    failures.add("LOST: speech " + t.id + " (" + t.marker + ") acknowledged as " + t.acknowledged
                            + (t.uncertain == null ? "" : " (or " + t.uncertain + ")") + " but the store answers "
                            + a.status() + " " + found);
                }
            }
            for (CuratedFact fact : ledger.facts.values()) {
                JsonNode f = client.await("GET", "/api/v1/stats/facts/" + fact.id, null, 200, Duration.ofSeconds(30),
                        b -> true);
                Curation found = new Curation(f.path("status").asText(),
                        f.path("curation").path("note").isTextual() ? f.path("curation").path("note").asText() : null);
                if (!found.equals(fact.acknowledged) && !found.equals(fact.uncertain)) {
                    lost.add("curation " + fact.id);
                    failures.add("LOST: fact " + fact.id + " acknowledged as " + fact.acknowledged
                            + (fact.uncertain == null ? "" : " (or " + fact.uncertain + ")") + " but reads " + found);
                }
            }
        }

        /** Each speech the test created is stored once at most; an acknowledged one exactly once. */
        private void checkDuplicates(Map<Long, JsonNode> store, List<String> failures) throws Exception {
            Map<String, List<Long>> byMarker = new HashMap<>();
            for (JsonNode s : store.values()) {
                String title = s.path("title").asText();
                if (title.startsWith(TITLE)) {
                    byMarker.computeIfAbsent(title.substring(TITLE.length()).split(" ")[0], k -> new ArrayList<>())
                            .add(s.path("id").asLong());
                }
            }
            Map<String, Tracked> tracked = new HashMap<>();
            ledger.speeches.forEach(t -> tracked.put(t.marker, t));
            for (Map.Entry<String, List<Long>> e : byMarker.entrySet()) {
                Tracked t = tracked.get(e.getKey());
                if (e.getValue().size() > 1) {
                    duplicated.add(e.getKey());
                    failures.add("DUPLICATED: " + e.getKey() + " is stored as speeches " + e.getValue());
                } else if (t == null) {
                    failures.add("speech " + e.getValue() + " (" + e.getKey() + ") was never written");
                } else if (t.id == null) {
                    // an uncertain create that happened: all of it
                    Client.Answer a = client.call("GET", "/api/v1/speeches/" + e.getValue().get(0), null, Map.of());
                    if (!same(parse(t.marker, a.body()), t.uncertain)) {
                        failures.add("the uncertain create " + t.marker + " is stored partly: " + a.body());
                    }
                } else if (!e.getValue().get(0).equals(t.id)) {
                    failures.add(t.marker + " is stored as speech " + e.getValue() + ", acknowledged as " + t.id);
                }
            }
        }

        /** Gapless, in order; versions per speech one by one; its last entry per speech is what the store holds. */
        private void checkFeed(long head, Map<Long, JsonNode> store, List<String> failures) throws Exception {
            long expected = 1;
            Map<Long, Long> lastVersion = new HashMap<>();
            Map<Long, String> lastType = new HashMap<>();
            long after = 0;
            while (after < head) {
                JsonNode page = client.await("GET", "/api/v1/changes?limit=500&after=" + after, null, 200,
                        Duration.ofSeconds(30), b -> true);
                if (page.path("items").isEmpty()) {
                    failures.add("the feed ends at " + after + " below its head " + head);
                    break;
                }
                for (JsonNode item : page.path("items")) {
                    long cursor = item.path("cursor").asLong();
                    if (cursor != expected) {
                        failures.add("feed: cursor " + cursor + " where " + expected + " was due");
                    }
                    expected = cursor + 1;
                    long speech = item.path("speechId").asLong();
                    long version = item.path("version").asLong();
                    Long previous = lastVersion.put(speech, version);
                    if (previous != null ? version != previous + 1 : version != 1) {
                        failures.add("feed: speech " + speech + " goes from version " + previous + " to " + version);
                    }
                    lastType.put(speech, item.path("type").asText());
                }
                after = page.path("next").asLong();
            }
            for (Map.Entry<Long, Long> e : lastVersion.entrySet()) {
                JsonNode s = store.get(e.getKey());
                boolean deleted = "delete".equals(lastType.get(e.getKey()));
                if (deleted != (s == null) || (s != null && s.path("version").asLong() != e.getValue())) {
                    failures.add("feed: speech " + e.getKey() + " ends as " + lastType.get(e.getKey()) + " v"
                            + e.getValue() + ", the store has " + (s == null ? "none" : "v" + s.path("version")));
                }
            }
            for (Long id : store.keySet()) {
                if (!lastVersion.containsKey(id)) {
                    failures.add("feed: speech " + id + " is stored but not in the feed");
                }
            }
        }

        /** Search finds exactly the store's speeches, each once, with its current title. */
        private void checkSearch(Map<Long, JsonNode> store, List<String> failures) throws Exception {
            Map<Long, Integer> seen = new HashMap<>();
            Set<Long> compilations = new HashSet<>();
            store.values().forEach(s -> compilations.add(s.path("compilationId").asLong()));
            for (long compilation : compilations) {
                for (int page = 0;; page++) {
                    JsonNode body = client.await("GET", "/api/v1/search?size=100&compilationId=" + compilation
                            + "&page=" + page, null, 200, Duration.ofSeconds(30), b -> true);
                    for (JsonNode hit : body.path("hits")) {
                        long id = hit.path("speechId").asLong();
                        seen.merge(id, 1, Integer::sum);
                        JsonNode s = store.get(id);
                        if (s == null) {
                            failures.add("search: finds speech " + id + ", which the store does not hold");
                        } else if (!s.path("title").asText().equals(hit.path("title").asText())) {
                            failures.add("search: speech " + id + " titled " + hit.path("title") + ", the store has "
                                    + s.path("title"));
                        }
                    }
                    if ((page + 1) * 100L >= body.path("total").asLong()) {
                        break;
                    }
                }
            }
            seen.forEach((id, n) -> {
                if (n > 1) {
                    failures.add("search: speech " + id + " found " + n + " times");
                }
            });
            for (Long id : store.keySet()) {
                if (!seen.containsKey(id)) {
                    failures.add("search: does not find stored speech " + id);
                }
            }
            JsonNode status = client.await("GET", "/api/v1/search/status", null, 200, Duration.ofSeconds(30), b -> true);
            if (status.path("indexedSpeeches").asLong() != store.size()) {
                failures.add("search: indexes " + status.path("indexedSpeeches") + " speeches, the store holds "
                        + store.size());
            }
        }

        /** Stats: the store's speeches, each fact once and of the current version; none for a deleted speech. */
        private void checkStats(Map<Long, JsonNode> store, List<String> failures) throws Exception {
            long facts = 0;
            Set<Long> ids = new HashSet<>(store.keySet());
            ledger.speeches.forEach(t -> {
                if (t.id != null) {
                    ids.add(t.id);
                }
            });
            Map<Long, Tracked> byId = new HashMap<>();
            ledger.speeches.forEach(t -> {
                if (t.id != null) {
                    byId.put(t.id, t);
                }
            });
            for (long id : ids) {
                JsonNode s = store.get(id);
                List<JsonNode> items = new ArrayList<>();
                for (int page = 0;; page++) {
                    JsonNode body = client.await("GET", "/api/v1/stats/facts?size=100&speechId=" + id + "&page=" + page,
                            null, 200, Duration.ofSeconds(30), b -> true);
                    body.path("items").forEach(items::add);
                    if ((page + 1) * 100L >= body.path("total").asLong()) {
                        break;
                    }
                }
                facts += items.size();
                Set<String> factIds = new HashSet<>();
                for (JsonNode f : items) {
                    if (!factIds.add(f.path("id").asText())) {
                        failures.add("stats: fact " + f.path("id") + " of speech " + id + " appears twice");
                    }
                    if (s == null) {
                        failures.add("stats: deleted speech " + id + " still has fact " + f.path("id"));
                    } else if (f.path("speechVersion").asLong() != s.path("version").asLong()) {
                        failures.add("stats: fact " + f.path("id") + " is of version " + f.path("speechVersion")
                                + " of speech " + id + ", which is at " + s.path("version"));
                    }
                }
                Tracked t = byId.get(id);
                if (s != null && t != null) {
                    String title = s.path("title").asText();
                    SpeechState current = same(parse(t.marker, fetch(id)), t.acknowledged) ? t.acknowledged : t.uncertain;
                    if (current == null || current.deleted()) {
                        continue; // reported as lost
                    }
                    long planted = items.stream().filter(f -> f.path("value").asLong() == current.planted()).count();
                    if (planted != 1 || items.size() != 1) {
                        failures.add("stats: speech " + id + " (" + title + ") has facts " + values(items)
                                + ", not just the planted " + current.planted());
                    }
                }
            }
            JsonNode status = client.await("GET", "/api/v1/stats/status", null, 200, Duration.ofSeconds(30), b -> true);
            if (status.path("speeches").asLong() != store.size()) {
                failures.add("stats: holds " + status.path("speeches") + " speeches, the store " + store.size());
            }
            if (status.path("facts").asLong() != facts) {
                failures.add("stats: holds " + status.path("facts") + " facts, the store's speeches have " + facts);
            }
        }

        private JsonNode fetch(long id) {
            return client.call("GET", "/api/v1/speeches/" + id, null, Map.of()).body();
        }

        private static List<Object> values(List<JsonNode> facts) {
            return facts.stream().map(f -> (Object) f.path("value").asText()).toList();
        }

        private static SpeechState parse(String marker, JsonNode s) {
            if (s == null || !s.has("version")) {
                return null;
            }
            JsonNode sections = s.path("sections");
            String paragraph = sections.size() == 1 && sections.get(0).path("paragraphs").size() == 1
                    && "协商平台建设".equals(sections.get(0).path("heading").asText())
                    ? sections.get(0).path("paragraphs").get(0).path("text").asText() : sections.toString();
            String lead = s.path("lead").size() == 1 ? s.path("lead").get(0).asText() : s.path("lead").toString();
            return new SpeechState(marker, s.path("version").asLong(), false, s.path("title").asText(), lead, paragraph,
                    0);
        }

        /** The same content and version (and both deleted or not); {@code planted} is in the paragraph. */
        private static boolean same(SpeechState found, SpeechState expected) {
            if (found == null || expected == null) {
                return false;
            }
            if (expected.deleted() || found.deleted()) {
                return expected.deleted() && found.deleted();
            }
            return found.version() == expected.version() && found.title().equals(expected.title())
                    && found.lead().equals(expected.lead()) && found.paragraph().equals(expected.paragraph());
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
