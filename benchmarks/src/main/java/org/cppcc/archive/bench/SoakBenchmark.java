package org.cppcc.archive.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Soak: mixed traffic through the gateway for {@code --minutes} at {@code --concurrency} (closed loop: each worker
 * sends its next request when the last one is answered) while one service ({@code --restart}) is restarted
 * (SIGTERM, then started again on the same data) midway. Reads, searches and statistics are most of it; writes
 * create, replace (If-Match) and delete speeches of their own; one compilation import runs a minute in.
 * <p>
 * This program starts the four services itself (Keycloak is started by {@code deploy/bench soak}), so that it
 * can restart one and read every process's RSS. It reports errors by status, split into those inside the restart
 * window (from the stop until the first success through the gateway after the service is ready again, where only
 * 503 is allowed) and outside it (where nothing is); latency percentiles per minute and per kind of request; and
 * the RSS of every process and the size of every data directory at the start and at the end. No assertions: it
 * prints its verdict and the figures.
 */
public final class SoakBenchmark {

    private static final String[] SERVICES = { "document-service", "search-service", "stats-service", "gateway" };
    private static final Map<String, Integer> PORTS = Map.of("document-service", 8081, "search-service", 8082,
            "stats-service", 8083, "gateway", 8080);
    private static final String[] QUERIES = { "协商", "有事来协商", "委员履职", "\"协商平台\"", "乡村振兴", "提案", "双助",
            "政协委员 -疫情", "民主监督", "基层协商" };
    private static final String[] FACT_QUERIES = { "协商平台", "委员", "工作组", "提案" };
    private static final String LEAD = "这是一篇用于浸泡测试的发言。";

    enum Kind { READ, SEARCH, STATS, WRITE, IMPORT }

    /** One answered (or failed) request. */
    record Sample(long startNanos, long nanos, Kind kind, int status) {
    }

    private final Options options;
    private final Path repo;
    private final Path data;
    private final String java;
    private final Api.Tokens tokens;
    private final String gateway;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final AtomicInteger planted = new AtomicInteger(100);
    private final List<Long> speechIds = Collections.synchronizedList(new ArrayList<>());
    private volatile long restartFrom = Long.MAX_VALUE;
    private volatile long restartUntil = Long.MAX_VALUE;
    private volatile long restartReady = Long.MAX_VALUE;
    private long compilationId;
    private long t0;

    private SoakBenchmark(Options options) {
        this.options = options;
        this.repo = Path.of(options.get("repo")).toAbsolutePath();
        this.data = Path.of(options.get("data")).toAbsolutePath();
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.tokens = new Api.Tokens(options.get("keycloak"), "ops", "ops-dev-secret");
        this.gateway = options.get("gateway");
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args, Map.of("minutes", "10", "concurrency", "32", "restart", "document-service",
                "repo", ".", "data", "data", "keycloak-pid", "0"));
        SoakBenchmark soak = new SoakBenchmark(o);
        try {
            soak.run();
        } finally {
            soak.stopAll();
        }
    }

    private void run() throws Exception {
        String restart = options.get("restart");
        if (!PORTS.containsKey(restart)) {
            throw new IllegalArgumentException("--restart must be one of " + PORTS.keySet());
        }
        double minutes = Double.parseDouble(options.get("minutes"));
        int concurrency = options.integer("concurrency");
        System.out.printf("soak: %s min at concurrency %d through %s, %s restarted midway; options %s%n", minutes,
                concurrency, gateway, restart, options);
        for (String service : SERVICES) {
            if (service.equals("gateway")) {
                for (String s : SERVICES) {
                    if (!s.equals("gateway")) {
                        awaitReady(s, Duration.ofMinutes(3));
                    }
                }
            }
            start(service);
        }
        awaitReady("gateway", Duration.ofMinutes(2));
        prepare();
        Map<String, Long> rssStart = rss();
        Map<String, Long> diskStart = disk();

        long durationNanos = (long) (minutes * 60e9);
        t0 = System.nanoTime();
        long end = t0 + durationNanos;
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Random random = new Random(options.number("seed") + w);
            workers.add(Thread.ofPlatform().name("soak-" + w).start(() -> {
                while (System.nanoTime() < end) {
                    request(random);
                }
            }));
        }
        Thread importer = Thread.ofPlatform().name("soak-import").start(() -> {
            sleepUntil(t0 + Math.min(durationNanos / 10, 60_000_000_000L));
            importOnce();
        });
        sleepUntil(t0 + durationNanos / 2);
        restart(restart);
        for (Thread w : workers) {
            w.join();
        }
        importer.join();
        Map<String, Long> rssEnd = rss();
        Map<String, Long> diskEnd = disk();
        report(minutes, concurrency, restart, rssStart, rssEnd, diskStart, diskEnd);
    }

    // ---- the stack ----------------------------------------------------------------------------------------

    private void start(String service) {
        Path jar = repo.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString()).directory(repo.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("logs").resolve(service + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("KEYCLOAK_URL", options.get("keycloak"));
        env.put("DOCUMENT_DATA_DIR", data.resolve("document").toString());
        env.put("SEARCH_DATA_DIR", data.resolve("search").toString());
        env.put("STATS_DATA_DIR", data.resolve("stats").toString());
        for (String role : new String[] { "ADMIN", "EDITOR", "READER", "ANALYST" }) {
            env.put("GATEWAY_RATE_LIMIT_" + role, "100000000");
        }
        try {
            Files.createDirectories(data.resolve("logs"));
            processes.put(service, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service, e);
        }
    }

    private void awaitReady(String service, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Process p = processes.get(service);
            if (p != null && !p.isAlive()) {
                throw new IllegalStateException(service + " exited; see " + data.resolve("logs"));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORTS.get(service)
                        + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(service + " was not ready within " + timeout);
    }

    private void restart(String service) throws InterruptedException {
        restartFrom = System.nanoTime();
        Process p = processes.remove(service);
        p.destroy();
        p.waitFor();
        long stopped = System.nanoTime();
        start(service);
        awaitReady(service, Duration.ofMinutes(3));
        restartReady = System.nanoTime();
        // the window closes with the first success through the gateway that needs this service
        String probe = switch (service) {
            case "search-service" -> "/api/v1/search?q=" + Api.enc("协商");
            case "stats-service" -> "/api/v1/stats/overview";
            default -> "/api/v1/speeches?size=1";
        };
        while (send("GET", probe, null, null, null).status() != 200) {
            sleep(100);
        }
        restartUntil = System.nanoTime();
        System.out.printf("restart of %s: stopped in %.1f s, ready %.1f s later, through the gateway again %.1f s after "
                + "that (at %.0f s into the run)%n", service, (stopped - restartFrom) / 1e9, (restartReady - stopped) / 1e9,
                (restartUntil - restartReady) / 1e9, (restartFrom - t0) / 1e9);
    }

    private void stopAll() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** RSS in MB of each process, from /proc. */
    private Map<String, Long> rss() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Process p = processes.get(service);
            out.put(service, p == null ? -1 : rssOf(p.pid()));
        }
        long keycloak = options.number("keycloak-pid");
        if (keycloak > 0) {
            out.put("keycloak", rssOf(keycloak));
        }
        out.put("soak (this JVM)", rssOf(ProcessHandle.current().pid()));
        return out;
    }

    private static long rssOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // gone
        }
        return -1;
    }

    /** Size in MB of each data directory. */
    private Map<String, Long> disk() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String dir : new String[] { "document", "search", "stats" }) {
            try (Stream<Path> files = Files.walk(data.resolve(dir))) {
                out.put(dir, files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() / (1024 * 1024));
            } catch (IOException | UncheckedIOException e) {
                out.put(dir, -1L);
            }
        }
        return out;
    }

    // ---- the traffic ----------------------------------------------------------------------------------------

    private void prepare() {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Answer a = send("GET", "/api/v1/compilations", null, null, null);
            if (a.status() == 200 && a.json().path("total").asLong() > 0) {
                compilationId = a.json().path("items").get(0).path("id").asLong();
                Answer s = send("GET", "/api/v1/speeches?size=100", null, null, null);
                s.json().path("items").forEach(i -> speechIds.add(i.path("id").asLong()));
                return;
            }
            sleep(500);
        }
        throw new IllegalStateException("the seed compilation was not imported within 3 minutes");
    }

    private void request(Random random) {
        double p = random.nextDouble();
        if (p < 0.40) {
            if (random.nextBoolean() && !speechIds.isEmpty()) {
                timed(Kind.READ, "GET", "/api/v1/speeches/" + speechIds.get(random.nextInt(speechIds.size())), null, null);
            } else {
                timed(Kind.READ, "GET", "/api/v1/speeches?size=20&page=" + random.nextInt(3), null, null);
            }
        } else if (p < 0.65) {
            timed(Kind.SEARCH, "GET", "/api/v1/search?q=" + Api.enc(QUERIES[random.nextInt(QUERIES.length)]), null, null);
        } else if (p < 0.85) {
            String path = switch (random.nextInt(4)) {
                case 0 -> "/api/v1/stats/overview";
                case 1 -> "/api/v1/stats/platforms";
                case 2 -> "/api/v1/stats/members";
                default -> "/api/v1/stats/facts?size=20&q=" + Api.enc(FACT_QUERIES[random.nextInt(FACT_QUERIES.length)]);
            };
            timed(Kind.STATS, "GET", path, null, null);
        } else {
            write(random);
        }
    }

    /** Creates (half the time), or replaces or deletes a speech it created (one worker at a time holds each). */
    private void write(Random random) {
        Long id = null;
        if (random.nextDouble() >= 0.5 && !mine.isEmpty()) {
            synchronized (mine) {
                if (!mine.isEmpty()) {
                    id = mine.remove(random.nextInt(mine.size()));
                }
            }
        }
        if (id == null) {
            Answer a = timed(Kind.WRITE, "POST", "/api/v1/speeches", "application/json", speech(1));
            if (a.status() == 201) {
                mine.add(a.json().path("id").asLong());
            }
            return;
        }
        Answer current = send("GET", "/api/v1/speeches/" + id, null, null, null);
        if (current.status() != 200) {
            return;
        }
        String etag = "\"" + id + "-v" + current.json().path("version").asLong() + "\"";
        if (random.nextDouble() < 0.8) {
            Answer a = timed(Kind.WRITE, "PUT", "/api/v1/speeches/" + id, "application/json",
                    speech(current.json().path("version").asLong() + 1), etag);
            if (a.status() == 200) {
                mine.add(id);
            }
        } else {
            timed(Kind.WRITE, "DELETE", "/api/v1/speeches/" + id, null, null, etag);
        }
    }

    private final List<Long> mine = Collections.synchronizedList(new ArrayList<>());

    private String speech(long version) {
        int n = planted.incrementAndGet();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("compilationId", compilationId);
        input.put("order", 500 + n % 9000);
        input.put("committee", "政协浸泡测试委员会");
        input.put("title", "浸泡测试发言 第" + version + "版");
        input.put("bodyAvailable", true);
        input.put("lead", List.of(LEAD));
        input.put("sections", List.of(Map.of("ordinal", 1, "heading", "协商平台建设",
                "paragraphs", List.of("本县建成协商平台" + n + "个，覆盖全部乡镇。"))));
        input.put("outline", List.of());
        try {
            return Api.JSON.writeValueAsString(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void importOnce() {
        try {
            String seed = Files.readString(repo.resolve("document-service/src/main/resources/seed/"
                    + "sichuan-cppcc-exchange-2021-09-28.txt"), StandardCharsets.UTF_8);
            // another SHA-256 than the seed's, so that it is a new compilation
            Answer a = timed(Kind.IMPORT, "POST", "/api/v1/compilations/import", "text/plain; charset=utf-8",
                    seed + "\n\n\n");
            System.out.printf("import at %.0f s: %d%n", (System.nanoTime() - t0) / 1e9, a.status());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return Api.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Answer timed(Kind kind, String method, String path, String contentType, String body) {
        return timed(kind, method, path, contentType, body, null);
    }

    private Answer timed(Kind kind, String method, String path, String contentType, String body, String ifMatch) {
        long start = System.nanoTime();
        Answer a = send(method, path, contentType, body, ifMatch);
        samples.add(new Sample(start, System.nanoTime() - start, kind, a.status()));
        return a;
    }

    /** Status -1: no answer (connection refused or dropped, timeout). */
    private Answer send(String method, String path, String contentType, String body, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + tokens.get()).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, e.toString());
        }
    }

    // ---- the report -----------------------------------------------------------------------------------------

    private void report(double minutes, int concurrency, String restart, Map<String, Long> rssStart,
            Map<String, Long> rssEnd, Map<String, Long> diskStart, Map<String, Long> diskEnd) {
        List<Sample> all = new ArrayList<>(samples);
        Map<Integer, AtomicLong> inside = new TreeMap<>();
        Map<Integer, AtomicLong> outside = new TreeMap<>();
        for (Sample s : all) {
            if (s.status() >= 200 && s.status() < 300) {
                continue;
            }
            boolean during = s.startNanos() + s.nanos() >= restartFrom && s.startNanos() <= restartUntil;
            (during ? inside : outside).computeIfAbsent(s.status(), k -> new AtomicLong()).incrementAndGet();
        }
        long unexpected = outside.values().stream().mapToLong(AtomicLong::get).sum()
                + inside.entrySet().stream().filter(e -> e.getKey() != 503).mapToLong(e -> e.getValue().get()).sum();
        System.out.printf("%nrequests: %d in %.1f min at concurrency %d (%.0f/s)%n", all.size(), minutes, concurrency,
                all.size() / (minutes * 60));
        System.out.println("errors during the restart of " + restart + " (by status, -1 = no answer): " + inside);
        System.out.println("errors outside the restart window: " + outside);
        System.out.println(unexpected == 0 ? "verdict: no unexpected errors (only 503 while the service restarted)"
                : "verdict: " + unexpected + " UNEXPECTED errors");

        System.out.println("\nlatency per minute (ms), all requests:");
        System.out.println("minute  requests     p50     p90     p99     max  errors");
        Map<Long, List<Sample>> perMinute = new TreeMap<>();
        for (Sample s : all) {
            perMinute.computeIfAbsent((s.startNanos() - t0) / 60_000_000_000L, k -> new ArrayList<>()).add(s);
        }
        perMinute.forEach((m, list) -> System.out.println(line(String.format("%6d", m + 1), list)));
        System.out.println("\nlatency per kind (ms), whole run:");
        System.out.println("kind    requests     p50     p90     p99     max  errors");
        for (Kind k : Kind.values()) {
            List<Sample> list = all.stream().filter(s -> s.kind() == k).toList();
            if (!list.isEmpty()) {
                System.out.println(line(String.format("%-6s", k.name().toLowerCase(Locale.ROOT)), list));
            }
        }
        System.out.println("\nRSS (MB) at start → end (the restarted service's end is its new process):");
        rssStart.forEach((name, mb) -> System.out.printf("  %-16s %6d → %6d%n", name, mb, rssEnd.getOrDefault(name, -1L)));
        System.out.println("data directories (MB) at start → end:");
        diskStart.forEach((name, mb) -> System.out.printf("  %-16s %6d → %6d%n", name, mb, diskEnd.getOrDefault(name, -1L)));
    }

    private static String line(String label, List<Sample> list) {
        long[] ms = list.stream().mapToLong(Sample::nanos).sorted().toArray();
        long errors = list.stream().filter(s -> s.status() < 200 || s.status() >= 300).count();
        return String.format("%s  %8d  %6.0f  %6.0f  %6.0f  %6.0f  %6d", label, ms.length, pct(ms, 50), pct(ms, 90),
                pct(ms, 99), ms[ms.length - 1] / 1e6, errors);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static void sleepUntil(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            sleep(Math.min(1000, left / 1_000_000 + 1));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
