package org.cppcc.archive.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The packaged services and the gateway, started once per test run as separate processes on free
 * ports, against the real Keycloak that deploy/test started ({@code TEST_KEYCLOAK_URL}). Each service
 * runs on its embedded defaults with its data in a fresh directory, as {@code deploy/run} runs them.
 */
public final class SystemUnderTest {

    public static final String KEYCLOAK_URL = System.getenv().getOrDefault("TEST_KEYCLOAK_URL",
            "http://127.0.0.1:8190");
    private static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    private static final String[] MODULES = { "document-service", "search-service", "stats-service", "gateway" };

    /** Started on first use, not when the class loads (its constants are read without starting anything). */
    private static final class Shared {
        static final SystemUnderTest INSTANCE = new SystemUnderTest();
    }

    private final Path workDir;
    private static final String MANAGEMENT = "/management";
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    /** A separate system's own settings and packages (see {@link #startSeparate}); empty for the shared one. */
    private final Map<String, String> extraEnv = new LinkedHashMap<>();
    private final Map<String, Path> apps = new LinkedHashMap<>();
    /** How long a (re)start may take: longer for a separate system, whose restarts compete with its own load. */
    private final Duration readyTimeout;

    private SystemUnderTest() {
        readyTimeout = Duration.ofSeconds(180);
        workDir = newWorkDir("system");
        for (String name : MODULES) {
            ports.put(name, freePort());
            ports.put(name + MANAGEMENT, freePort());
        }
        // before the starts: a module that does not become ready must not outlive the test run
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.values().forEach(Process::destroy)));
        start("document-service");
        start("search-service");
        start("stats-service");
        start("gateway");
    }

    /** A new directory for a system's logs and data, under deploy/test's {@code TEST_WORK_DIR} when it is set. */
    public static Path newWorkDir(String name) {
        try {
            String base = System.getenv("TEST_WORK_DIR");
            return base == null ? Files.createTempDirectory(name + "-")
                    : Files.createTempDirectory(Path.of(base), name + "-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SystemUnderTest get() {
        return Shared.INSTANCE;
    }

    /**
     * Starts a system of its own (own ports, data and processes), e.g. one a test kills and restarts at will,
     * with extra environment for every module and, per module, another packaged application directory (holding
     * {@code quarkus-run.jar}). The services start side by side, the gateway once they are live. {@link #close}
     * stops it.
     */
    public static SystemUnderTest startSeparate(String name, Map<String, String> env, Map<String, Path> apps) {
        return new SystemUnderTest(name, env, apps);
    }

    private SystemUnderTest(String name, Map<String, String> env, Map<String, Path> apps) {
        workDir = newWorkDir(name);
        extraEnv.putAll(env);
        this.apps.putAll(apps);
        readyTimeout = Duration.ofSeconds(240);
        for (String module : MODULES) {
            ports.put(module, freePort());
            ports.put(module + MANAGEMENT, freePort());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        for (String module : MODULES) {
            if (!module.equals("gateway")) {
                processes.put(module, launch(module, environment(module), workDir.resolve(module + ".log")));
            }
        }
        for (String module : MODULES) {
            if (!module.equals("gateway")) {
                awaitReady(url(module), readyTimeout);
            }
        }
        start("gateway");
    }

    /** Kills one module with SIGKILL, as a crash or a power cut would, and waits until it is gone. */
    public synchronized void kill(String module) {
        Process process = processes.remove(module);
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The process id of a running module (for its RSS, say), or -1. */
    public synchronized long pid(String module) {
        Process process = processes.get(module);
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    /** Where this system keeps its logs and data. */
    public Path workDir() {
        return workDir;
    }

    /** Stops every module of this system. */
    public synchronized void close() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

    public String gatewayUrl() {
        return url("gateway");
    }

    public String url(String module) {
        return "http://127.0.0.1:" + ports.get(module);
    }

    /** The module's management interface (metrics, health with details), which listens on 127.0.0.1 only. */
    public String managementUrl(String module) {
        return url(module + MANAGEMENT);
    }

    /** Starts (or restarts) one module and waits until it reports ready. */
    public synchronized void start(String module) {
        if (processes.containsKey(module) && processes.get(module).isAlive()) {
            return;
        }
        processes.put(module, launch(module, environment(module), workDir.resolve(module + ".log")));
        awaitReady(url(module), readyTimeout);
    }

    /** Stops one module, as a crash or an operator would; the others keep running. */
    public synchronized void stop(String module) {
        Process process = processes.remove(module);
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Where a module keeps its data (document, search or stats store) while the system runs. */
    public Path dataDir(String module) {
        return workDir.resolve("data").resolve(module.replace("-service", ""));
    }

    /** Starts an extra gateway with its own settings, e.g. pointing an upstream at a silent socket. */
    public Process startGateway(int port, Map<String, String> overrides) {
        Map<String, String> env = environment("gateway");
        env.put("GATEWAY_PORT", Integer.toString(port));
        env.put("GATEWAY_MANAGEMENT_PORT", Integer.toString(freePort()));
        env.putAll(overrides);
        Process process = launch("gateway", env, workDir.resolve("gateway-" + port + ".log"));
        awaitReady("http://127.0.0.1:" + port, Duration.ofSeconds(60));
        return process;
    }

    /**
     * Starts another instance of a module with this system's settings and {@code overrides} (its own ports, say, and
     * a shared database), logging to {@code <name>.log}, and waits until {@code url} is live. The caller stops it.
     */
    public Process startInstance(String module, String name, String url, Map<String, String> overrides) {
        Map<String, String> env = environment(module);
        env.putAll(overrides);
        Process process = launch(module, env, workDir.resolve(name + ".log"));
        awaitReady(url, readyTimeout);
        return process;
    }

    private Map<String, String> environment(String module) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KEYCLOAK_URL", KEYCLOAK_URL);
        env.put("DOCUMENT_PORT", ports.get("document-service").toString());
        env.put("SEARCH_PORT", ports.get("search-service").toString());
        env.put("STATS_PORT", ports.get("stats-service").toString());
        env.put("GATEWAY_PORT", ports.get("gateway").toString());
        env.put("DOCUMENT_MANAGEMENT_PORT", ports.get("document-service" + MANAGEMENT).toString());
        env.put("SEARCH_MANAGEMENT_PORT", ports.get("search-service" + MANAGEMENT).toString());
        env.put("STATS_MANAGEMENT_PORT", ports.get("stats-service" + MANAGEMENT).toString());
        env.put("GATEWAY_MANAGEMENT_PORT", ports.get("gateway" + MANAGEMENT).toString());
        env.put("DOCUMENT_URL", url("document-service"));
        env.put("SEARCH_URL", url("search-service"));
        env.put("STATS_URL", url("stats-service"));
        env.put("DOCUMENT_DATA_DIR", workDir.resolve("data/document").toString());
        env.put("SEARCH_DATA_DIR", workDir.resolve("data/search").toString());
        env.put("STATS_DATA_DIR", workDir.resolve("data/stats").toString());
        env.putAll(extraEnv);
        return env;
    }

    private Process launch(String module, Map<String, String> env, Path log) {
        return launch(apps.getOrDefault(module, REPO.resolve(module).resolve("target/quarkus-app")), workDir, env, log);
    }

    /**
     * Starts the packaged application in {@code app} (the directory holding {@code quarkus-run.jar}) as a process of
     * its own, working in {@code workDir}, with {@code env} added to this JVM's environment, logging to {@code log}.
     * Nothing else of a system is started; the caller waits for it ({@link #awaitReady}) and stops it.
     */
    public static Process launch(Path app, Path workDir, Map<String, String> env, Path log) {
        Path jar = app.resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the modules before the system tests");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + app, e);
        }
    }

    /** Waits until {@code baseUrl}'s {@code /q/health/live} answers 200, at most {@code timeout}. */
    public static void awaitReady(String baseUrl, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/live"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(baseUrl + " did not become live within " + timeout);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
