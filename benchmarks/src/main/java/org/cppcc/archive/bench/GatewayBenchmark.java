package org.cppcc.archive.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What the gateway costs: {@code GET /api/v1/speeches/{id}} with one portal token, sent by wrk (Debian's package,
 * driven with {@code deploy/lib/bench-gateway.lua}) directly to document-service, through nginx as a plain proxy
 * (the floor of a proxy hop) and through the gateway, at each concurrency. The three are interleaved: every round
 * runs each concurrency against all three back to back with the same token, in an order that rotates, so that
 * what else the machine does weighs on all three alike; ratios are taken within a round. Prints every run, then
 * per concurrency the medians over the rounds. Run it with {@code deploy/bench gateway}, which starts what it
 * needs. Aim (issue 13): gateway/direct throughput ≥ 0.7 at concurrency 1, 4 and 16; added p50 ≤ 0.3 ms at 1.
 */
public final class GatewayBenchmark {

    /** One place the requests go to; {@code proxyPid} is the proxy's process (0 for none, or unknown). */
    record Target(String name, String base, long proxyPid) {
    }

    /**
     * One wrk run's figures. {@code proxyCpuMicros} and {@code serviceCpuMicros} are the CPU time (user + system) the
     * proxy's processes and document-service's spent per request during the run, or -1 when not measured: unlike
     * throughput, they hardly depend on what else the machine runs.
     */
    record Run(long requests, double seconds, long errors, double p50, double p90, double p99, double max,
            double proxyCpuMicros, double serviceCpuMicros) {

        double throughput() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,8.0f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms"
                    + "%s  (%d requests%s)", throughput(), p50, p90, p99, max,
                    serviceCpuMicros < 0 ? "" : String.format(Locale.ROOT, "  cpu/req: proxy %4.0f us, service %4.0f us",
                            Math.max(0, proxyCpuMicros), serviceCpuMicros),
                    requests, errors == 0 ? "" : ", " + errors + " ERRORS");
        }
    }

    /** CPU time (user + system) of a process and its children so far, in nanoseconds; -1 when unknown. */
    static long cpuNanos(long pid) {
        if (pid <= 0) {
            return -1;
        }
        return ProcessHandle.of(pid).map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p),
                        p.descendants()).mapToLong(h -> h.info().totalCpuDuration().map(java.time.Duration::toNanos)
                        .orElse(0L)).sum())
                .orElse(-1L);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new HashMap<>(Map.of("direct", "http://127.0.0.1:8081", "nginx", "",
                "path", "", "concurrency", "1,4,16,64", "duration", "10", "warmup", "5", "rounds", "3", "threads", "2"));
        defaults.putAll(Map.of("wrk", "wrk", "wrk-script", "deploy/lib/bench-gateway.lua", "service-pid", "0",
                "nginx-pid", "0", "gateway-pid", "0"));
        Options o = new Options(args, defaults);
        System.out.println("== GatewayBenchmark " + o);
        Api.Tokens tokens = new Api.Tokens(o.get("keycloak"), "portal", "portal-dev-secret");
        Api gatewayApi = new Api(o.get("gateway"), tokens);
        String path = o.get("path").isBlank() ? firstSpeech(gatewayApi) : o.get("path");

        List<Target> targets = new ArrayList<>();
        targets.add(new Target("direct", o.get("direct"), 0));
        if (!o.get("nginx").isBlank()) {
            targets.add(new Target("nginx", o.get("nginx"), o.number("nginx-pid")));
        }
        targets.add(new Target("gateway", o.get("gateway"), o.number("gateway-pid")));
        String expected = null;
        for (Target t : targets) { // the same answer from all three, so that they do the same work
            Api.Response r = gatewayApi.at(t.base()).get(path);
            if (!r.ok()) {
                throw new IllegalStateException(t.name() + " answers " + r.status() + " to GET " + path + ": " + r.body());
            }
            if (expected != null && !expected.equals(r.body())) {
                throw new IllegalStateException(t.name() + " answers another body than direct to GET " + path);
            }
            expected = r.body();
        }
        int[] levels = Arrays.stream(o.get("concurrency").split(",")).map(String::trim).mapToInt(Integer::parseInt)
                .toArray();
        int rounds = o.integer("rounds");
        System.out.printf(Locale.ROOT, "GET %s (%d bytes of JSON), portal token; wrk %ss per run, %d rounds, "
                + "concurrency %s; targets %s%n", path, expected.getBytes(StandardCharsets.UTF_8).length,
                o.get("duration"), rounds, o.get("concurrency"), targets);

        Wrk wrk = new Wrk(o.get("wrk"), o.get("wrk-script"), o.integer("threads"), path, o.number("service-pid"));
        for (Target t : targets) {
            Run warm = wrk.run(t, 16, o.integer("warmup"), tokens.get());
            System.out.printf("warm-up %-8s c=16: %s%n", t.name(), warm);
        }

        // results.get(concurrency).get(target name) = one run per round
        Map<Integer, Map<String, List<Run>>> results = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int l = 0; l < levels.length; l++) {
                int c = levels[l];
                String token = tokens.get(); // the same token for the three runs of this level and round
                for (int k = 0; k < targets.size(); k++) {
                    Target t = targets.get((k + round + l) % targets.size());
                    Run run = wrk.run(t, c, o.integer("duration"), token);
                    results.computeIfAbsent(c, x -> new HashMap<>()).computeIfAbsent(t.name(), x -> new ArrayList<>())
                            .add(run);
                    System.out.printf(Locale.ROOT, "round %d c=%-3d %-8s %s%n", round + 1, c, t.name(), run);
                }
            }
        }
        summary(results, targets, rounds);
    }

    private static String firstSpeech(Api api) {
        Api.Response r = api.get("/api/v1/speeches?size=1");
        if (!r.ok() || r.json().path("items").isEmpty()) {
            throw new IllegalStateException("no speech to read: " + r.status() + " " + r.body());
        }
        return "/api/v1/speeches/" + r.json().path("items").get(0).path("id").asLong();
    }

    private static void summary(Map<Integer, Map<String, List<Run>>> results, List<Target> targets, int rounds) {
        System.out.printf("%nmedians over %d rounds (ratios and added p50 taken within each round; [min-max] over "
                + "rounds):%n", rounds);
        StringBuilder header = new StringBuilder("| concurrency |");
        targets.forEach(t -> header.append(" ").append(t.name()).append(" req/s, p50 / p99 ms |"));
        targets.stream().skip(1).forEach(t -> header.append(" ").append(t.name()).append("/direct |"));
        header.append(" gateway added p50 |");
        boolean cpu = results.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream)
                .anyMatch(r -> r.serviceCpuMicros() >= 0);
        if (cpu) {
            targets.stream().skip(1).forEach(t -> header.append(" ").append(t.name()).append(" cpu/req |"));
            header.append(" service cpu/req |");
        }
        System.out.println(header);
        System.out.println(header.toString().replaceAll("[^|]", "-"));
        results.forEach((c, byTarget) -> {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %11d |", c));
            for (Target t : targets) {
                List<Run> runs = byTarget.get(t.name());
                row.append(String.format(Locale.ROOT, " %,.0f, %.2f / %.2f |", median(runs, Run::throughput),
                        median(runs, Run::p50), median(runs, Run::p99)));
            }
            List<Run> direct = byTarget.get("direct");
            for (Target t : targets.subList(1, targets.size())) {
                double[] ratios = perRound(byTarget.get(t.name()), direct, (a, b) -> a.throughput() / b.throughput());
                row.append(String.format(Locale.ROOT, " %.2f [%.2f-%.2f] |", median(ratios), min(ratios), max(ratios)));
            }
            double[] added = perRound(byTarget.get("gateway"), direct, (a, b) -> a.p50() - b.p50());
            row.append(String.format(Locale.ROOT, " %+.2f ms [%+.2f-%+.2f] |", median(added), min(added), max(added)));
            if (cpu) {
                for (Target t : targets.subList(1, targets.size())) {
                    row.append(String.format(Locale.ROOT, " %.0f us |", median(byTarget.get(t.name()),
                            Run::proxyCpuMicros)));
                }
                row.append(String.format(Locale.ROOT, " %.0f us |", median(direct, Run::serviceCpuMicros)));
            }
            long errors = byTarget.values().stream().flatMap(List::stream).mapToLong(Run::errors).sum();
            System.out.println(errors == 0 ? row : row + " " + errors + " ERRORS");
        });
        System.out.println("aim (issue 13): gateway/direct >= 0.70 at concurrency 1, 4 and 16; "
                + "gateway added p50 <= 0.30 ms at concurrency 1");
        System.out.println("cpu/req: CPU time (user + system) per request of the proxy's processes (nginx's master and "
                + "workers, the gateway's JVM) and of document-service (direct runs), from /proc, so whatever else the "
                + "machine runs counts little in it; the JVMs' figures include their JIT and GC threads.");
    }

    private interface Pair {
        double of(Run a, Run b);
    }

    private static double[] perRound(List<Run> a, List<Run> b, Pair f) {
        double[] values = new double[a.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = f.of(a.get(i), b.get(i));
        }
        return values;
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> f) {
        return median(runs.stream().mapToDouble(f).toArray());
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** Runs wrk as a child process and reads the line the script prints at the end. */
    private record Wrk(String command, String script, int maxThreads, String path, long servicePid) {

        Run run(Target target, int connections, int seconds, String token) {
            ProcessBuilder pb = new ProcessBuilder(command, "-t", Integer.toString(Math.min(connections, maxThreads)),
                    "-c", Integer.toString(connections), "-d", seconds + "s", "--timeout", "10s", "-s", script,
                    target.base().replaceAll("/+$", "") + path).redirectErrorStream(true);
            pb.environment().put("BENCH_TOKEN", token);
            try {
                long proxyBefore = cpuNanos(target.proxyPid());
                long serviceBefore = cpuNanos(servicePid);
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int status = p.waitFor();
                long proxyCpu = proxyBefore < 0 ? -1 : cpuNanos(target.proxyPid()) - proxyBefore;
                long serviceCpu = serviceBefore < 0 ? -1 : cpuNanos(servicePid) - serviceBefore;
                String line = out.lines().filter(s -> s.startsWith("wrk-result ")).findFirst().orElse(null);
                if (status != 0 || line == null) {
                    throw new IllegalStateException("wrk against " + target + " failed (" + status + "):\n" + out);
                }
                Map<String, Long> v = new HashMap<>();
                for (String field : line.substring("wrk-result ".length()).trim().split(" ")) {
                    String[] kv = field.split("=");
                    v.put(kv[0], Long.parseLong(kv[1]));
                }
                long errors = v.get("connect_errors") + v.get("read_errors") + v.get("write_errors")
                        + v.get("status_errors") + v.get("timeouts");
                long n = Math.max(1, v.get("requests"));
                return new Run(v.get("requests"), v.get("duration_us") / 1e6, errors, v.get("p50_us") / 1e3,
                        v.get("p90_us") / 1e3, v.get("p99_us") / 1e3, v.get("max_us") / 1e3,
                        proxyCpu < 0 ? -1 : proxyCpu / 1e3 / n, serviceCpu < 0 ? -1 : serviceCpu / 1e3 / n);
            } catch (IOException e) {
                throw new UncheckedIOException("could not run " + command, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
