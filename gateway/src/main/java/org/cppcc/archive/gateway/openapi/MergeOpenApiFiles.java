package org.cppcc.archive.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cppcc.archive.gateway.proxy.RouteTable;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The gateway's merged OpenAPI document, written at build time from the documents the services stored while they were
 * built ({@code quarkus.smallrye-openapi.store-schema-directory}): the same merger, upstream order, routes
 * ({@code gateway.routes} of the gateway's application.properties) and description as {@code GET /q/openapi}, so a
 * client generated from the file matches what the running gateway serves. Needs only Jackson on the class path; the
 * api-client module runs it.
 *
 * <pre>MergeOpenApiFiles OUTPUT SERVER_URL REALM_URL UPSTREAM=DOCUMENT...</pre>
 * e.g. {@code target/openapi/speech-archive.json http://127.0.0.1:8080
 * http://127.0.0.1:8180/realms/speech-archive document=../document-service/target/openapi/openapi.json …}, one
 * {@code UPSTREAM=DOCUMENT} for each of the gateway's upstreams.
 */
public final class MergeOpenApiFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String UPSTREAMS = "gateway.upstreams.";
    private static final String ROUTES = "gateway.routes.";

    private MergeOpenApiFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: MergeOpenApiFiles OUTPUT SERVER_URL REALM_URL UPSTREAM=DOCUMENT...");
        }
        Properties config = gatewayConfig();
        // By name, as the running gateway orders its upstreams.
        Map<String, JsonNode> documents = new TreeMap<>();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected UPSTREAM=DOCUMENT, got '" + args[i] + "'");
            }
            documents.put(args[i].substring(0, eq), read(Path.of(args[i].substring(eq + 1))));
        }
        Set<String> upstreams = upstreams(config);
        if (!upstreams.equals(documents.keySet())) {
            throw new IllegalArgumentException("the gateway's upstreams are " + upstreams + ", documents were given for "
                    + documents.keySet());
        }
        RouteTable<String> routes = routes(config);
        ObjectNode merged = OpenApiMerger.merge(documents,
                (path, service) -> routes.forPath(path).map(service::equals).orElse(false),
                OpenApiMerger.Keycloak.ofRealm(args[2]));
        Path output = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(output.getParent());
        JSON.writeValue(output.toFile(), OpenApiMerger.withServer(merged, args[1].replaceAll("/+$", "")));
    }

    private static JsonNode read(Path document) throws IOException {
        if (!Files.isRegularFile(document)) {
            throw new IllegalArgumentException(document + " is missing: package that service first (it stores its "
                    + "OpenAPI document while it is built)");
        }
        try {
            return JSON.readTree(document.toFile());
        } catch (JacksonException e) {
            throw new IllegalArgumentException(document + " is not a JSON document: " + e.getOriginalMessage(), e);
        }
    }

    private static Properties gatewayConfig() {
        try (InputStream in = MergeOpenApiFiles.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in == null) {
                throw new IllegalStateException("the gateway's application.properties is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code gateway.upstreams.NAME.url} → NAME. */
    private static Set<String> upstreams(Properties config) {
        Set<String> names = new TreeSet<>();
        for (String key : config.stringPropertyNames()) {
            if (key.startsWith(UPSTREAMS) && key.endsWith(".url")) {
                names.add(key.substring(UPSTREAMS.length(), key.length() - ".url".length()));
            }
        }
        return names;
    }

    /** {@code gateway.routes."/api/v1/speeches"=document} → /api/v1/speeches → document. */
    private static RouteTable<String> routes(Properties config) {
        Map<String, String> byPrefix = new TreeMap<>();
        for (String key : config.stringPropertyNames()) {
            if (key.startsWith(ROUTES)) {
                byPrefix.put(key.substring(ROUTES.length()).replaceAll("^\"|\"$", ""), config.getProperty(key).trim());
            }
        }
        if (byPrefix.isEmpty()) {
            throw new IllegalStateException("the gateway's application.properties has no gateway.routes");
        }
        return new RouteTable<>(byPrefix);
    }
}
