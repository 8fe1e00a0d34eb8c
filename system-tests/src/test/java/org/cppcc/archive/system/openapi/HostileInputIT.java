package org.cppcc.archive.system.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cppcc.archive.system.Keycloak;
import org.cppcc.archive.system.SystemUnderTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue 12 item 3: walks every operation of the merged OpenAPI document the gateway serves and sends, through the
 * gateway with a token that has the role (a client of its own with {@code admin}, which includes every role, so the
 * walk has its own rate-limit bucket), generated bad values for every parameter and every body field: wrong types,
 * empty, 100,000 characters, ±2^63, 1e309, floats for integers, NUL, lone surrogates, U+202E, combining marks, 4-byte
 * characters, invalid UTF-8 (raw sockets: java.net.http refuses to send it), nesting 10,000 deep, 100,000 elements,
 * duplicate keys, unknown fields, missing required fields, wrong and missing Content-Type, a wrong Accept.
 *
 * <p>
 * Every answer must: come (no dropped connection), not be a 5xx, have a status the document lists for the operation,
 * be problem+json when it is an error, have a body that matches the schema the document gives for that status, carry
 * an X-Request-Id and show no stack trace or Java class name. Writes are made so that each must be refused even when
 * the bad value were taken (a stale If-Match, an unknown compilation, an unknown fact, a dry run), and the stored
 * state (change-feed head, compilations, speeches, curated facts) must be the same afterwards.
 */
class HostileInputIT {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final String PLACEHOLDER = "__HOSTILE_VALUE__";
    private static final String STALE_ETAG = "\"1-v999999\"";
    private static final String NO_SUCH_FACT = "hostile-no-such-fact";

    /** What a Java stack trace or class name looks like in an answer. */
    static final Pattern LEAK = Pattern.compile(
            "\\bat [\\w$.]+\\((?:[\\w$]+\\.java:\\d+|Unknown Source|Native Method)\\)"
                    + "|\\b(?:java|javax|jakarta|sun|io\\.quarkus|io\\.vertx|io\\.netty|io\\.smallrye|org\\.jboss"
                    + "|org\\.hibernate|org\\.h2|org\\.postgresql|org\\.apache|org\\.bson|com\\.mongodb|com\\.fasterxml"
                    + "|org\\.cppcc|de\\.bwaldvogel|org\\.eclipse|org\\.keycloak)\\.[a-z][\\w$]*\\.[\\w$.]+"
                    + "|\\b[A-Z]\\w*(?:Exception|Error)\\b(?!\")");

    private static SystemUnderTest system;
    private static JsonNode spec;
    private static SchemaCheck schemas;
    private static RawHttp http;
    private static String factId;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads a body value as a strict server would: big numbers stay exact, 1e309 is no infinity. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private String token;
    private long tokenAt;
    private final Map<String, Integer> failuresByKind = new TreeMap<>();
    private final Map<String, List<String>> samples = new TreeMap<>();
    private final List<String> allFailures = new ArrayList<>();
    private int requests;
    private int failedRequests;
    private final Set<String> parametersCovered = new TreeSet<>();
    private final Set<String> fieldsCovered = new TreeSet<>();
    private final Set<String> operationsCovered = new TreeSet<>();

    @BeforeAll
    static void start() throws Exception {
        system = SystemUnderTest.get();
        spec = MergedOpenApiIT.fetch(system.gatewayUrl());
        schemas = new SchemaCheck(spec);
        URI gateway = URI.create(system.gatewayUrl());
        http = new RawHttp(gateway.getHost(), gateway.getPort());
        Keycloak.ensureClient("hostile-walker", "hostile-walker-secret", "admin", true, null);
    }

    @Test
    void everyOperationWithstandsBadValuesInEveryParameterAndField() throws Exception {
        factId = existingFactId();
        Map<String, String> before = storedState();
        long started = System.nanoTime();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : (Iterable<Map.Entry<String, JsonNode>>) spec.path("paths")::fields) {
            for (String method : MergedOpenApiIT.METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    operations++;
                    walk(path.getKey(), method, op);
                }
            }
        }
        Map<String, String> after = storedState();
        if (!before.equals(after)) {
            fail("stored by a rejected request", "*", "state before " + before + ", after " + after);
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        StringBuilder report = new StringBuilder();
        report.append(String.format("hostile input: %d requests over %d operations, %d parameters and %d body fields in"
                + " %d s; %d answers failed%n", requests, operations, parametersCovered.size(), fieldsCovered.size(),
                seconds, failedRequests));
        failuresByKind.forEach((kind, n) -> report.append(String.format("  %-32s %5d%n", kind, n)));
        samples.forEach((kind, list) -> {
            report.append("-- ").append(kind).append(" (samples)\n");
            list.forEach(s -> report.append("   ").append(s).append('\n'));
        });
        System.out.println(report);
        Path out = Files.createDirectories(Path.of("target", "hostile-input"));
        Files.writeString(out.resolve("report.txt"), report);
        Files.write(out.resolve("failures.txt"), allFailures, StandardCharsets.UTF_8);

        assertEquals(operationsCovered.size(), operations, "every operation was called");
        assertTrue(requests > 1000, "requests: " + requests);
        assertEquals(Map.of(), failuresByKind, report.toString());
    }

    // ------------------------------------------------------------------ the walk

    /** The request an operation is called with when nothing is wrong with it, and what it is allowed to store. */
    private final class Base {
        final String path;
        final String method;
        final JsonNode op;
        final Map<String, String> pathValues = new LinkedHashMap<>();
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        String contentType;
        byte[] body;
        JsonNode jsonBody;

        Base(String path, String method, JsonNode op) {
            this.path = path;
            this.method = method;
            this.op = op;
            boolean write = !method.equals("get");
            Matcher m = PATH_PARAM.matcher(path);
            while (m.find()) {
                String name = m.group(1);
                pathValues.put(name, path.startsWith("/api/v1/stats/facts") ? (write ? NO_SUCH_FACT : factId) : "1");
            }
            for (JsonNode p : op.path("parameters")) {
                if (p.path("in").asText().equals("header") && p.path("name").asText().equalsIgnoreCase("If-Match")) {
                    headers.put("If-Match", STALE_ETAG);
                }
            }
            if (path.endsWith("/compilations/import")) {
                query.put("dryRun", "true");
            }
            JsonNode content = op.path("requestBody").path("content");
            if (content.has("application/json")) {
                contentType = "application/json";
                jsonBody = exampleOrMinimal(content.path("application/json"));
                if (path.equals("/api/v1/speeches") && jsonBody instanceof ObjectNode o) {
                    o.put("compilationId", 999_999); // an unknown compilation: a create must be refused
                }
                body = bytes(jsonBody);
            } else if (content.has("text/plain")) {
                contentType = "text/plain; charset=utf-8";
                JsonNode example = content.path("text/plain").path("examples").elements().hasNext()
                        ? content.path("text/plain").path("examples").elements().next().path("value")
                        : content.path("text/plain").path("example");
                body = example.asText("夯实履职基础提升履职质效\n政协成都市委员会\n").getBytes(StandardCharsets.UTF_8);
            }
        }

        RawHttp.Request request() {
            return request(pathValues, query, headers, contentType, body);
        }

        RawHttp.Request request(Map<String, String> pathValues, Map<String, String> query,
                Map<String, String> headers, String contentType, byte[] body) {
            StringBuilder target = new StringBuilder();
            Matcher m = PATH_PARAM.matcher(path);
            while (m.find()) {
                m.appendReplacement(target, Matcher.quoteReplacement(
                        HostileValues.percentEncode(pathValues.get(m.group(1)).getBytes(StandardCharsets.UTF_8))));
            }
            m.appendTail(target);
            String sep = "?";
            for (Map.Entry<String, String> q : query.entrySet()) {
                target.append(sep).append(q.getKey()).append('=')
                        .append(HostileValues.percentEncode(q.getValue().getBytes(StandardCharsets.UTF_8)));
                sep = "&";
            }
            RawHttp.Request request = new RawHttp.Request(method.toUpperCase(),
                    target.toString().getBytes(StandardCharsets.US_ASCII));
            request.header("Authorization", "Bearer " + token());
            headers.forEach(request::header);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (body != null) {
                request.body(body);
            } else if (!method.equals("get")) {
                request.body(new byte[0]);
            }
            return request;
        }

        /** The base request with one parameter's value replaced by raw bytes (encoded unless raw). */
        RawHttp.Request withParameter(String in, String name, HostileValues.Param value) {
            byte[] hostile = value.raw() ? value.bytes()
                    : HostileValues.percentEncode(value.bytes()).getBytes(StandardCharsets.US_ASCII);
            if (in.equals("header")) {
                return request().header(name, value.bytes());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Matcher m = PATH_PARAM.matcher(path);
            int last = 0;
            while (m.find()) {
                out.writeBytes(path.substring(last, m.start()).getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(in.equals("path") && m.group(1).equals(name) ? hostile
                        : HostileValues.percentEncode(pathValues.get(m.group(1)).getBytes(StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.US_ASCII));
                last = m.end();
            }
            out.writeBytes(path.substring(last).getBytes(StandardCharsets.US_ASCII));
            char sep = '?';
            for (Map.Entry<String, String> q : query.entrySet()) {
                if (in.equals("query") && q.getKey().equals(name)) {
                    continue;
                }
                out.writeBytes((sep + q.getKey() + "=" + HostileValues.percentEncode(q.getValue().getBytes(
                        StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII));
                sep = '&';
            }
            if (in.equals("query")) {
                out.writeBytes((sep + name + "=").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(hostile);
            }
            return request().withTarget(out.toByteArray());
        }

        /** Whether a 2xx to this request would mean something was stored that must not have been. */
        boolean mustBeRefused(RawHttp.Request request, int status) {
            if (method.equals("get")) {
                return false;
            }
            if (path.endsWith("/search/index/rebuild")) {
                return false; // nothing to refuse: it takes no input and stores no data (it re-reads the feed)
            }
            if (path.endsWith("/compilations/import")) {
                return status == 201; // a dry run answers 200 and stores nothing
            }
            return true;
        }
    }

    private void walk(String path, String method, JsonNode op) throws Exception {
        Base base = new Base(path, method, op);
        String where = method.toUpperCase() + " " + path;
        operationsCovered.add(where);

        // the well-formed request first: it must pass the same checks
        send(base, where, "base request", base.request());
        send(base, where, "wrong Accept", base.request().header("Accept", "application/xml"));

        for (JsonNode p : op.path("parameters")) {
            String in = p.path("in").asText();
            String name = p.path("name").asText();
            parametersCovered.add(where + " " + in + ":" + name);
            JsonNode paramSchema = schemas.resolve(p.path("schema"));
            for (HostileValues.Param value : HostileValues.forParameter(in, paramSchema)) {
                String why = in.equals("header") || value.bytes().length == 0 ? null
                        : ParameterValues.violation(paramSchema, value.bytes());
                send(base, where, in + " " + name + " = " + value.kind(), base.withParameter(in, name, value), why);
            }
            if (in.equals("query")) {
                RawHttp.Request twice = base.withParameter(in, name,
                        new HostileValues.Param("repeated", "1".getBytes(StandardCharsets.US_ASCII), false));
                String target = new String(twice.target, StandardCharsets.US_ASCII) + "&" + name + "=abc";
                send(base, where, in + " " + name + " = repeated", twice.withTarget(
                        target.getBytes(StandardCharsets.US_ASCII)));
            }
            if (in.equals("header")) {
                send(base, where, "header " + name + " missing", base.request().withoutHeader(name));
            }
        }

        if (base.jsonBody != null) {
            walkJsonBody(base, where);
        } else if (base.body != null) {
            walkTextBody(base, where);
        } else if (!method.equals("get")) {
            send(base, where, "unexpected JSON body", base.request().header("Content-Type", "application/json")
                    .body("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void walkJsonBody(Base base, String where) throws Exception {
        JsonNode schema = base.op.path("requestBody").path("content").path("application/json").path("schema");
        List<List<Object>> fields = new ArrayList<>();
        List<List<Object>> objects = new ArrayList<>();
        collectFields(schema, new ArrayList<>(), base.jsonBody, fields, objects, 0);
        for (List<Object> field : fields) {
            JsonNode fieldSchema = schemas.resolve(schemaAt(schema, field));
            fieldsCovered.add(where + " " + pathText(field));
            boolean required = isRequired(schema, field);
            for (HostileValues.Json value : HostileValues.forField(fieldSchema)) {
                byte[] body = replaceAt(base.jsonBody, field, value.bytes());
                send(base, where, "body " + pathText(field) + " = " + value.kind(), base.request().body(body), null,
                        bodyViolation(fieldSchema, value.bytes(), required));
            }
        }
        // missing required fields, of the body and of each nested object
        for (List<Object> object : objects) {
            JsonNode objectSchema = schemas.resolve(schemaAt(schema, object));
            for (JsonNode required : objectSchema.path("required")) {
                List<Object> field = new ArrayList<>(object);
                field.add(required.asText());
                JsonNode copy = base.jsonBody.deepCopy();
                JsonNode parent = nodeAt(copy, object);
                if (parent instanceof ObjectNode o) {
                    o.remove(required.asText());
                    send(base, where, "body " + pathText(field) + " missing", base.request().body(bytes(copy)), null,
                            "leaves out a required field");
                }
            }
        }
        // the body as a whole
        String text = new String(base.body, StandardCharsets.UTF_8);
        String firstField = base.jsonBody.fieldNames().hasNext() ? base.jsonBody.fieldNames().next() : "a";
        Map<String, byte[]> whole = new LinkedHashMap<>();
        whole.put("empty body", new byte[0]);
        whole.put("body null", "null".getBytes(StandardCharsets.UTF_8));
        whole.put("body an array", "[]".getBytes(StandardCharsets.UTF_8));
        whole.put("body a string", "\"x\"".getBytes(StandardCharsets.UTF_8));
        whole.put("body truncated", text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8));
        whole.put("body not JSON", "action=confirm".getBytes(StandardCharsets.UTF_8));
        whole.put("body with trailing content", (text + "{}").getBytes(StandardCharsets.UTF_8));
        whole.put("body nesting 10,000 deep (array)", HostileValues.deepArray());
        whole.put("body nesting 10,000 deep (object)", HostileValues.deepObject());
        whole.put("body invalid UTF-8", concat("{\"".getBytes(StandardCharsets.UTF_8), HostileValues.INVALID_UTF8,
                "\":1}".getBytes(StandardCharsets.UTF_8)));
        whole.put("duplicate keys", ("{\"" + firstField + "\":" + base.jsonBody.path(firstField) + ","
                + text.substring(1)).getBytes(StandardCharsets.UTF_8));
        whole.put("duplicate keys, second bad", (text.substring(0, text.length() - 1) + ",\"" + firstField
                + "\":[[[]]]}").getBytes(StandardCharsets.UTF_8));
        whole.put("unknown field", (text.substring(0, text.length() - 1) + ",\"noSuchField\":1}")
                .getBytes(StandardCharsets.UTF_8));
        whole.put("unknown field, 100,000 characters long", (text.substring(0, text.length() - 1) + ",\""
                + "k".repeat(HostileValues.LONG) + "\":1}").getBytes(StandardCharsets.UTF_8));
        whole.put("body a 100,000-element array", ("[" + "1,".repeat(HostileValues.LONG - 1) + "1]")
                .getBytes(StandardCharsets.UTF_8));
        whole.put("body in UTF-16", text.getBytes(StandardCharsets.UTF_16));
        for (Map.Entry<String, byte[]> e : whole.entrySet()) {
            boolean invalid = !e.getKey().startsWith("duplicate keys");
            send(base, where, e.getKey(), base.request().body(e.getValue()), null, invalid ? "is not a valid body" : null);
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/json; charset=iso-8859-1", "application/jsonx", "multipart/form-data")) {
            send(base, where, "Content-Type " + type, base.request().header("Content-Type", type));
        }
        send(base, where, "Content-Type missing", base.request().withoutHeader("Content-Type"));
        send(base, where, "Content-Type with NUL", base.request().header("Content-Type",
                "application/json\u0000".getBytes(StandardCharsets.UTF_8)));
    }

    private void walkTextBody(Base base, String where) throws Exception {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        byte[] text = base.body;
        bodies.put("empty", new byte[0]);
        bodies.put("100,000 characters", "政".repeat(HostileValues.LONG).getBytes(StandardCharsets.UTF_8));
        bodies.put("100,000 lines", "政\n".repeat(HostileValues.LONG).getBytes(StandardCharsets.UTF_8));
        bodies.put("NUL", concat(text, "\u0000政协\u0000\n".getBytes(StandardCharsets.UTF_8)));
        bodies.put("lone surrogate", concat(text, HostileValues.LONE_SURROGATE));
        bodies.put("invalid UTF-8", concat(text, HostileValues.INVALID_UTF8));
        bodies.put("U+202E", (HostileValues.RTL_OVERRIDE + "\n" + new String(text, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("combining marks", (HostileValues.COMBINING + "\n" + new String(text, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("4-byte characters", (HostileValues.FOUR_BYTE + "\n" + new String(text, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("only a BOM", new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        bodies.put("nesting 10,000 deep", HostileValues.deepArray());
        for (Map.Entry<String, byte[]> e : bodies.entrySet()) {
            fieldsCovered.add(where + " text body");
            send(base, where, "text body " + e.getKey(), base.request().body(e.getValue()));
        }
        for (String type : List.of("application/json", "application/octet-stream", "text/plain; charset=gbk",
                "text/html", "multipart/form-data")) {
            send(base, where, "Content-Type " + type, base.request().header("Content-Type", type));
        }
        send(base, where, "Content-Type missing", base.request().withoutHeader("Content-Type"));
        String boundary = "hostileBoundary";
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("multipart without a file part", multipart(boundary, "other", "a.txt", text));
        parts.put("multipart with an .exe", multipart(boundary, "file", "a.exe", text));
        parts.put("multipart with a broken PDF", multipart(boundary, "file", "a.pdf", "%PDF-1.7 junk".getBytes(
                StandardCharsets.US_ASCII)));
        parts.put("multipart with a broken DOCX", multipart(boundary, "file", "a.docx", "PK\u0003\u0004junk"
                .getBytes(StandardCharsets.ISO_8859_1)));
        parts.put("multipart with a NUL file name", multipart(boundary, "file", "a\u0000.txt", text));
        parts.put("multipart cut off", ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"a.txt\"\r\n\r\n政协").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> e : parts.entrySet()) {
            send(base, where, e.getKey(), base.request().header("Content-Type", "multipart/form-data; boundary="
                    + boundary).body(e.getValue()));
        }
    }

    private static byte[] multipart(String boundary, String name, String filename, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ checking an answer

    private void send(Base base, String where, String variant, RawHttp.Request request) throws InterruptedException {
        send(base, where, variant, request, null, null);
    }

    private void send(Base base, String where, String variant, RawHttp.Request request, String invalid)
            throws InterruptedException {
        send(base, where, variant, request, invalid, null);
    }

    /**
     * Sends one request and checks its answer; {@code invalid} says why the parameter value sent breaks the
     * parameter's schema (then a 2xx means the service took a value its contract rules out), or is null.
     */
    private void send(Base base, String where, String variant, RawHttp.Request request, String invalid,
            String invalidBody) throws InterruptedException {
        RawHttp.Answer answer = http.send(request);
        for (int i = 0; i < 5 && answer.status() == 429; i++) {
            String retry = answer.header("retry-after");
            Thread.sleep(1000L * Math.max(1, Math.min(10, retry == null ? 1 : Integer.parseInt(retry.strip()))));
            answer = http.send(request);
        }
        requests++;
        List<String[]> found = check(base, request, answer);
        if (invalidBody != null && answer.dropped() == null && !Set.of(400, 413, 415).contains(answer.status())) {
            found.add(new String[] { "invalid body not refused with 400", answer.status() + " for a body that "
                    + invalidBody + ": " + abbreviate(answer.text()) });
        }
        if (invalid != null && answer.status() / 100 == 2) {
            found.add(new String[] { "invalid value accepted", answer.status() + " for a value that " + invalid });
        }
        if (!found.isEmpty()) {
            failedRequests++;
            for (String[] kindAndDetail : found) {
                fail(kindAndDetail[0], where + " | " + variant, kindAndDetail[1]);
            }
        }
    }

    /** Each failure of one answer as {kind, detail}. */
    private List<String[]> check(Base base, RawHttp.Request request, RawHttp.Answer answer) {
        List<String[]> found = new ArrayList<>();
        if (answer.dropped() != null) {
            found.add(new String[] { "dropped connection", answer.dropped() });
            return found;
        }
        int status = answer.status();
        String code = Integer.toString(status);
        JsonNode response = base.op.path("responses").path(code);
        String summary = status + " " + abbreviate(answer.text());
        if (status >= 500) {
            found.add(new String[] { "5xx", summary });
        }
        if (response.isMissingNode()) {
            found.add(new String[] { "status not documented", summary });
        }
        if (answer.header("x-request-id") == null) {
            found.add(new String[] { "no X-Request-Id", summary });
        }
        String text = answer.text();
        Matcher leak = LEAK.matcher(text);
        if (leak.find()) {
            found.add(new String[] { "stack trace or class name", status + " … " + leak.group() + " …" });
        }
        if (base.mustBeRefused(request, status) && status / 100 == 2) {
            found.add(new String[] { "write accepted", summary });
        }
        if (status >= 400) {
            if (!PROBLEM_JSON.equals(answer.mediaType())) {
                found.add(new String[] { "error not problem+json", status + " " + answer.mediaType() + " "
                        + abbreviate(text) });
                return found;
            }
        }
        if (answer.body().length == 0) {
            if (status / 100 == 2 && status != 204 && status != 202 && !response.path("content").isEmpty()) {
                found.add(new String[] { "body not as documented", status + " with no body" });
            }
            return found;
        }
        String media = answer.mediaType();
        if (media == null || !(media.equals("application/json") || media.equals(PROBLEM_JSON))) {
            return found; // CSV, NDJSON: not JSON-schema checked
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (Exception e) {
            found.add(new String[] { "body not as documented", status + " " + media + " that is not JSON: "
                    + abbreviate(text) });
            return found;
        }
        if (response.isMissingNode()) {
            return found;
        }
        JsonNode content = response.path("content").path(media);
        if (content.isMissingNode()) {
            found.add(new String[] { "body not as documented", status + " as " + media + ", documented: "
                    + response.path("content").properties().stream().map(Map.Entry::getKey).toList() });
            return found;
        }
        List<String> errors = schemas.check(content.path("schema"), body);
        if (!errors.isEmpty()) {
            found.add(new String[] { "body not as documented", status + " " + String.join("; ",
                    errors.subList(0, Math.min(3, errors.size()))) });
        }
        return found;
    }

    private void fail(String kind, String where, String detail) {
        failuresByKind.merge(kind, 1, Integer::sum);
        String line = where + " → " + detail;
        allFailures.add(kind + " | " + line);
        List<String> list = samples.computeIfAbsent(kind, k -> new ArrayList<>());
        String key = where.replaceAll(" = .*", "");
        if (list.size() < 12 && list.stream().noneMatch(s -> s.startsWith(key + " ") || s.startsWith(key + " |"))) {
            list.add(line);
        }
    }

    // ------------------------------------------------------------------ bodies

    /** Why a JSON value breaks a body field's schema (the body must then be refused with 400), or null. */
    private static String bodyViolation(JsonNode fieldSchema, byte[] value, boolean required) {
        JsonNode parsed;
        try {
            parsed = STRICT.readTree(value);
        } catch (Exception e) {
            return "is not valid JSON (or a number beyond any limit) in the field";
        }
        if (parsed.isNull() && !required) {
            return null; // an optional field sent as null reads as left out
        }
        List<String> errors = schemas.check(fieldSchema, parsed);
        return errors.isEmpty() ? null : "breaks the field's schema: " + errors.get(0);
    }

    private boolean isRequired(JsonNode bodySchema, List<Object> field) {
        JsonNode parent = schemas.resolve(schemaAt(bodySchema, field.subList(0, field.size() - 1)));
        Object last = field.get(field.size() - 1);
        for (JsonNode r : parent.path("required")) {
            if (r.asText().equals(last)) {
                return true;
            }
        }
        return false;
    }

    /** The first example of a JSON request body, or an object with the required fields at minimal values. */
    private JsonNode exampleOrMinimal(JsonNode content) {
        JsonNode examples = content.path("examples");
        if (examples.isObject() && examples.elements().hasNext()) {
            return examples.elements().next().path("value").deepCopy();
        }
        if (content.has("example")) {
            return content.get("example").deepCopy();
        }
        return minimal(schemas.resolve(content.path("schema")));
    }

    private JsonNode minimal(JsonNode schema) {
        ObjectNode out = JSON.createObjectNode();
        for (JsonNode required : schema.path("required")) {
            JsonNode s = schemas.resolve(schema.path("properties").path(required.asText()));
            switch (s.path("type").asText("string")) {
                case "integer", "number" -> out.put(required.asText(), 1);
                case "boolean" -> out.put(required.asText(), true);
                case "array" -> out.putArray(required.asText());
                case "object" -> out.set(required.asText(), minimal(s));
                default -> out.put(required.asText(), s.has("enum") ? s.path("enum").path(0).asText() : "x");
            }
        }
        return out;
    }

    /** Every field of the body schema (nested objects and the first element of arrays of objects, 3 levels deep). */
    private void collectFields(JsonNode schema, List<Object> at, JsonNode value, List<List<Object>> fields,
            List<List<Object>> objects, int depth) {
        JsonNode s = schemas.resolve(schema);
        if (!s.path("properties").isObject()) {
            return;
        }
        objects.add(at);
        s.path("properties").fields().forEachRemaining(p -> {
            List<Object> field = new ArrayList<>(at);
            field.add(p.getKey());
            fields.add(field);
            JsonNode ps = schemas.resolve(p.getValue());
            JsonNode child = value == null ? null : value.get(p.getKey());
            if (depth < 2 && ps.path("properties").isObject() && child != null && child.isObject()) {
                collectFields(ps, field, child, fields, objects, depth + 1);
            } else if (depth < 2 && ps.path("type").asText().equals("array") && child != null && child.isArray()
                    && child.size() > 0 && child.get(0).isObject()) {
                List<Object> element = new ArrayList<>(field);
                element.add(0);
                collectFields(ps.path("items"), element, child.get(0), fields, objects, depth + 1);
            }
        });
    }

    private JsonNode schemaAt(JsonNode schema, List<Object> at) {
        JsonNode s = schemas.resolve(schema);
        for (Object step : at) {
            s = step instanceof Integer ? schemas.resolve(s.path("items")) : schemas.resolve(s.path("properties")
                    .path((String) step));
        }
        return s;
    }

    private static JsonNode nodeAt(JsonNode root, List<Object> at) {
        JsonNode n = root;
        for (Object step : at) {
            n = step instanceof Integer i ? n.path(i) : n.path((String) step);
        }
        return n;
    }

    /** The body with the value at {@code at} replaced by raw JSON bytes (which need not be valid JSON). */
    private static byte[] replaceAt(JsonNode root, List<Object> at, byte[] value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = nodeAt(copy, at.subList(0, at.size() - 1));
        Object last = at.get(at.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.put((String) last, PLACEHOLDER);
        } else if (parent instanceof ArrayNode a) {
            a.set((Integer) last, a.textNode(PLACEHOLDER));
        }
        byte[] bytes = bytes(copy);
        byte[] marker = ("\"" + PLACEHOLDER + "\"").getBytes(StandardCharsets.US_ASCII);
        int i = indexOf(bytes, marker);
        return concat(java.util.Arrays.copyOfRange(bytes, 0, i), value,
                java.util.Arrays.copyOfRange(bytes, i + marker.length, bytes.length));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("placeholder not found");
    }

    private static String pathText(List<Object> at) {
        StringBuilder out = new StringBuilder();
        for (Object step : at) {
            out.append(step instanceof Integer i ? "[" + i + "]" : (out.isEmpty() ? "" : ".") + step);
        }
        return out.isEmpty() ? "(body)" : out.toString();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
    }

    // ------------------------------------------------------------------ state and tokens

    private String token() {
        if (token == null || System.nanoTime() - tokenAt > 120_000_000_000L) {
            token = Keycloak.clientToken("hostile-walker", "hostile-walker-secret");
            tokenAt = System.nanoTime();
        }
        return token;
    }

    private JsonNode getJson(String target) throws Exception {
        RawHttp.Request request = new RawHttp.Request("GET", target.getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + token());
        RawHttp.Answer answer = http.send(request);
        for (int i = 0; i < 5 && answer.status() == 429; i++) {
            Thread.sleep(1000);
            answer = http.send(request);
        }
        if (answer.status() != 200) {
            throw new IllegalStateException(target + " answered " + answer.status() + ": " + answer.text());
        }
        return JSON.readTree(answer.body());
    }

    /** A fact that exists (waits for stats to extract the seed), for the reads of one fact. */
    private String existingFactId() throws Exception {
        for (int i = 0; i < 120; i++) {
            JsonNode page = getJson("/api/v1/stats/facts?size=1");
            if (page.path("items").size() > 0) {
                return page.path("items").path(0).path("id").asText();
            }
            Thread.sleep(500);
        }
        return NO_SUCH_FACT;
    }

    /** What a refused request must not change: the feed head, the number of compilations, speeches, curations. */
    private Map<String, String> storedState() throws Exception {
        Map<String, String> state = new TreeMap<>();
        state.put("feed head", getJson("/api/v1/changes?after=0&limit=1").path("head").asText());
        state.put("compilations", getJson("/api/v1/compilations?size=1").path("total").asText());
        state.put("speeches", getJson("/api/v1/speeches?size=1").path("total").asText());
        state.put("speech 1", getJson("/api/v1/speeches/1").path("version").asText());
        for (String status : List.of("confirmed", "corrected", "rejected")) {
            state.put("facts " + status, getJson("/api/v1/stats/facts?size=1&status=" + status).path("total")
                    .asText());
        }
        return state;
    }
}
