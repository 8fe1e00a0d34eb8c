package org.cppcc.archive.system.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Kubernetes manifests that {@code quarkus-kubernetes} generates when a service is packaged
 * ({@code target/kubernetes/kubernetes.json}) describe what production runs: two replicas, probes on the management
 * interface's health endpoints, both interfaces listening beyond 127.0.0.1 inside the pod, memory requested and
 * capped, settings from the shared config map and secrets only by reference (no literal secret in a manifest), and
 * a ClusterIP service for the public port only.
 */
class KubernetesManifestsTest {

    private static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> manifests(String module) throws IOException {
        Path file = REPO.resolve(module).resolve("target/kubernetes/kubernetes.json");
        assertTrue(Files.isRegularFile(file), file + " is missing: package the service first");
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(file.toFile()).forEach(items::add); // an array of resources
        return items;
    }

    private static JsonNode only(List<JsonNode> manifests, String kind) {
        List<JsonNode> found = manifests.stream().filter(m -> kind.equals(m.path("kind").asText())).toList();
        assertEquals(1, found.size(), "one " + kind + " expected, kinds: "
                + manifests.stream().map(m -> m.path("kind").asText()).toList());
        return found.get(0);
    }

    @ParameterizedTest
    @CsvSource({ "document-service, DOCUMENT, 8081, 9081, speech-archive-document",
            "search-service, SEARCH, 8082, 9082, speech-archive-search",
            "stats-service, STATS, 8083, 9083, speech-archive-stats", "gateway, GATEWAY, 8080, 9080, speech-archive-gateway" })
    void eachServiceRunsAsTwoProbedReplicasWithItsSettingsFromTheCluster(String module, String prefix, int port,
            int managementPort, String secret) throws IOException {
        List<JsonNode> manifests = manifests(module);
        JsonNode deployment = only(manifests, "Deployment");
        assertEquals(2, deployment.at("/spec/replicas").asInt(), module + " replicas");
        JsonNode pod = deployment.at("/spec/template/spec");
        assertEquals(1, pod.path("containers").size());
        JsonNode container = pod.path("containers").get(0);

        for (String[] probe : new String[][] { { "livenessProbe", "/q/health/live" },
                { "readinessProbe", "/q/health/ready" }, { "startupProbe", "/q/health/started" } }) {
            JsonNode get = container.path(probe[0]).path("httpGet");
            assertEquals(probe[1], get.path("path").asText(), module + " " + probe[0]);
            assertEquals(managementPort, get.path("port").asInt(), module + " " + probe[0] + " on the management port");
        }
        assertTrue(container.at("/resources/requests/memory").isTextual(), module + " requests memory");
        assertTrue(container.at("/resources/requests/cpu").isTextual(), module + " requests cpu");
        assertTrue(container.at("/resources/limits/memory").isTextual(), module + " caps memory");
        assertEquals("IfNotPresent", container.path("imagePullPolicy").asText());

        assertEquals("0.0.0.0", env(container, prefix + "_HOST"), module + " listens beyond 127.0.0.1 in its pod");
        assertEquals("0.0.0.0", env(container, prefix + "_MANAGEMENT_HOST"), module + " probes reach it");
        Set<String> from = new TreeSet<>();
        container.path("envFrom").forEach(source -> from.add(source.has("configMapRef")
                ? "configMap:" + source.at("/configMapRef/name").asText()
                : "secret:" + source.at("/secretRef/name").asText()));
        assertEquals(Set.of("configMap:speech-archive", "secret:" + secret), from, module + " envFrom");
        container.path("env").forEach(variable -> {
            String name = variable.path("name").asText().toUpperCase(Locale.ROOT);
            assertFalse((name.contains("SECRET") || name.contains("PASSWORD") || name.endsWith("_URI"))
                    && variable.has("value"), module + " has a literal " + name + " in its manifest");
        });

        JsonNode service = only(manifests, "Service");
        assertEquals("ClusterIP", service.at("/spec/type").asText());
        assertEquals(1, service.at("/spec/ports").size(), module + ": the public port only, not management");
        assertEquals(port, service.at("/spec/ports/0/targetPort").asInt());
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (name.equals(variable.path("name").asText())) {
                return variable.path("value").asText();
            }
        }
        return null;
    }
}
