package org.cppcc.archive.contract.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The part of every service's OpenAPI document that is the same everywhere, added when the document is built instead
 * of being repeated in annotations on each resource:
 * <ul>
 * <li>the problem answers: 401 and 403 on every operation that has {@code @RolesAllowed}; 400 on every operation
 * that takes a parameter or a body; 404 where the path names a resource; 406, 414, 431 and 500 on every operation;
 * 413 and 415 on every operation with a body. Each as {@code application/problem+json} with the {@code Problem}
 * schema, unless the resource documents that status itself (its own description and examples win);</li>
 * <li>the {@code Problem} and {@code Violation} schemas, when no annotation produced them;</li>
 * <li>the limits of every integer: the format where the annotations give none (int32, as generators read an
 * integer without format, unless a larger maximum is stated) and the bounds of its format where none are stated;</li>
 * <li>the examples, read from the service's {@code openapi/examples/*.json} resources rather than Java strings:
 * {@code {"<operationId>": {"requestBody": {"<name>": value}, "responses": {"<status>": {"<name>": value}}}}}, and
 * the common problem examples from this module's {@code openapi/problem-examples.json}.</li>
 * </ul>
 * SmallRye hands the filter the Jandex index when it can (its constructor takes an {@link IndexView}), from which it
 * reads the roles of each JAX-RS method; otherwise an operation with a security requirement (Quarkus adds one to every
 * {@code @RolesAllowed} method) counts as secured. Registered with {@code mp.openapi.filter}.
 */
public class ContractOpenApiFilter implements OASFilter {

    public static final String PROBLEM_JSON = org.cppcc.archive.contract.Problem.MEDIA_TYPE;
    static final String PROBLEM = "Problem";
    static final String VIOLATION = "Violation";
    private static final List<String> HTTP_METHODS = List.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD",
            "OPTIONS");
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName ROLES_ALLOWED = DotName.createSimple("jakarta.annotation.security.RolesAllowed");
    private static final DotName PERMIT_ALL = DotName.createSimple("jakarta.annotation.security.PermitAll");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The common problem answers, by status: description, and when it applies. */
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();
    static {
        DESCRIPTIONS.put("400", "Bad input: an invalid parameter or body (each listed in violations), or invalid JSON");
        DESCRIPTIONS.put("401", "No valid bearer token (missing, expired, wrong issuer or audience)");
        DESCRIPTIONS.put("403", "The token does not carry the role the operation names");
        DESCRIPTIONS.put("404", "No such resource");
        DESCRIPTIONS.put("406", "None of the media types in Accept can be produced");
        DESCRIPTIONS.put("413", "The body is larger than the limit");
        DESCRIPTIONS.put("414", "The request line (path and query) is too long");
        DESCRIPTIONS.put("415", "The body is not of a media type the operation takes");
        DESCRIPTIONS.put("431", "The request's headers are too large");
        DESCRIPTIONS.put("500", "An unexpected error; quote the requestId when you report it");
    }

    private final Map<String, Set<String>> rolesByOperation = new LinkedHashMap<>();

    public ContractOpenApiFilter() {
    }

    public ContractOpenApiFilter(IndexView index) {
        for (AnnotationInstance path : index.getAnnotations(PATH)) {
            if (path.target().kind() != org.jboss.jandex.AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = path.target().asClass();
            Set<String> classRoles = roles(resource.declaredAnnotation(ROLES_ALLOWED));
            for (MethodInfo method : resource.methods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                AnnotationInstance sub = method.annotation(PATH);
                String full = normalize(path.value().asString() + "/" + (sub == null ? "" : sub.value().asString()));
                Set<String> roles = method.hasAnnotation(PERMIT_ALL) ? Set.of()
                        : method.hasAnnotation(ROLES_ALLOWED) ? roles(method.annotation(ROLES_ALLOWED)) : classRoles;
                if (!roles.isEmpty()) {
                    rolesByOperation.put(verb + " " + full, roles);
                }
            }
        }
    }

    private static String verb(MethodInfo method) {
        for (String verb : HTTP_METHODS) {
            if (method.hasAnnotation(DotName.createSimple("jakarta.ws.rs." + verb))) {
                return verb;
            }
        }
        return null;
    }

    private static Set<String> roles(AnnotationInstance rolesAllowed) {
        if (rolesAllowed == null || rolesAllowed.value() == null) {
            return Set.of();
        }
        return Set.of(rolesAllowed.value().asStringArray());
    }

    /** "/api/v1/speeches/" + "{id: \\d+}/" → "/api/v1/speeches/{id}". */
    static String normalize(String path) {
        String p = ("/" + path).replaceAll("\\{\\s*([\\w.-]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Map<String, Object>> examples = loadExamples("openapi/examples/");
        Map<String, Object> problemExamples = load("openapi/problem-examples.json");
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        ensureProblemSchemas(openAPI.getComponents());
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
                commonResponses(path, method, op);
                Map<String, Object> own = examples.get(op.getOperationId());
                if (own != null) {
                    applyExamples(op, own);
                }
                problemExamples(op, problemExamples);
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> integerLimits(p.getSchema()));
                }
            }));
        }
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(ContractOpenApiFilter::integerLimits);
        }
    }

    private void commonResponses(String path, PathItem.HttpMethod method, Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        boolean body = op.getRequestBody() != null;
        boolean input = body || (op.getParameters() != null && !op.getParameters().isEmpty());
        Set<String> roles = rolesByOperation.getOrDefault(method.name() + " " + normalize(path), Set.of());
        // Quarkus puts a security requirement on every @RolesAllowed method (and the resources name theirs): where
        // the index was not handed over, that is how a secured operation is recognised.
        boolean secured = !roles.isEmpty() || (op.getSecurity() != null && !op.getSecurity().isEmpty());
        List<String> statuses = new ArrayList<>();
        if (input) {
            statuses.add("400");
        }
        if (secured) {
            statuses.add("401");
            statuses.add("403");
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        statuses.add("406");
        if (body) {
            statuses.add("413");
        }
        statuses.add("414");
        if (body) {
            statuses.add("415");
        }
        statuses.add("431");
        statuses.add("500");
        for (String status : statuses) {
            APIResponse existing = responses.getAPIResponse(status);
            if (existing == null) {
                existing = OASFactory.createAPIResponse().description(DESCRIPTIONS.get(status));
                responses.addAPIResponse(status, existing);
            }
            if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                    || existing.getContent().getMediaTypes().isEmpty()) {
                existing.content(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
            }
        }
        sortResponses(responses);
    }

    /** The common example of each problem answer that has none of its own. */
    private static void problemExamples(Operation op, Map<String, Object> problemExamples) {
        op.getResponses().getAPIResponses().forEach((status, response) -> {
            MediaType problem = response.getContent() == null ? null : response.getContent().getMediaType(PROBLEM_JSON);
            Object example = problemExamples.get(status);
            if (problem != null && example != null && (problem.getExamples() == null || problem.getExamples()
                    .isEmpty()) && problem.getExample() == null) {
                problem.addExample(status, OASFactory.createExample().value(example));
            }
        });
    }

    private static void sortResponses(APIResponses responses) {
        Map<String, APIResponse> all = new java.util.TreeMap<>(responses.getAPIResponses());
        all.keySet().forEach(responses::removeAPIResponse);
        all.forEach(responses::addAPIResponse);
    }

    @SuppressWarnings("unchecked")
    private static void applyExamples(Operation op, Map<String, Object> own) {
        Object request = own.get("requestBody");
        if (request instanceof Map<?, ?> named && op.getRequestBody() != null) {
            addExamples(op.getRequestBody().getContent(), (Map<String, Object>) named);
        }
        Object responses = own.get("responses");
        if (responses instanceof Map<?, ?> byStatus && op.getResponses() != null) {
            ((Map<String, Object>) byStatus).forEach((status, named) -> {
                APIResponse response = op.getResponses().getAPIResponse(status);
                if (response != null && named instanceof Map<?, ?> n) {
                    addExamples(response.getContent(), (Map<String, Object>) n);
                }
            });
        }
    }

    /** Named examples into the first media type of the content (or the one named "mediaType:name"). */
    private static void addExamples(Content content, Map<String, Object> named) {
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            return;
        }
        named.forEach((name, value) -> {
            String type = name.contains("|") ? name.substring(0, name.indexOf('|'))
                    : content.getMediaTypes().keySet().iterator().next();
            String exampleName = name.contains("|") ? name.substring(name.indexOf('|') + 1) : name;
            MediaType media = content.getMediaType(type);
            if (media != null) {
                Example example = OASFactory.createExample().value(value);
                media.addExample(exampleName, example);
            }
        });
    }

    private static void ensureProblemSchemas(Components components) {
        if (components.getSchemas() == null || !components.getSchemas().containsKey(VIOLATION)) {
            components.addSchema(VIOLATION, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .addProperty("field", string(200))
                    .addProperty("message", string(1000)));
        }
        if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM)) {
            components.addSchema(PROBLEM, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .addProperty("type", string(200))
                    .addProperty("title", string(100))
                    .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                            .format("int32"))
                    .addProperty("detail", string(2000))
                    .addProperty("instance", string(2000))
                    .addProperty("requestId", string(100))
                    .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                            .items(OASFactory.createSchema().ref(VIOLATION)))
                    .addProperty("line", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                            .format("int32")));
        }
    }

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }

    private static final BigDecimal INT32_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal INT32_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT64_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal INT64_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    /** Format and bounds of every integer schema, nested ones included, where the annotations leave them out. */
    static void integerLimits(Schema schema) {
        integerLimits(schema, Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static void integerLimits(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.INTEGER)) {
            BigDecimal max = schema.getMaximum() != null ? schema.getMaximum() : schema.getExclusiveMaximum();
            if (schema.getFormat() == null) {
                // int32 unless a larger maximum is stated: what generators assumed for an integer without format
                // (Integer in Java), so generated clients keep their types
                schema.setFormat(max == null || max.compareTo(INT32_MAX) <= 0 ? "int32" : "int64");
            }
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(int32 ? INT32_MAX : INT64_MAX);
            }
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(int32 ? INT32_MIN : INT64_MIN);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> integerLimits(s, seen));
        }
        integerLimits(schema.getItems(), seen);
        if (schema.getAdditionalPropertiesSchema() != null) {
            integerLimits(schema.getAdditionalPropertiesSchema(), seen);
        }
        for (List<Schema> list : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (list != null) {
                list.forEach(s -> integerLimits(s, seen));
            }
        }
    }

    /** Every {@code <dir>*.json} on the class path that lists its files in {@code <dir>index.txt}, merged. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> loadExamples(String dir) {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Enumeration<URL> indexes = loader.getResources(dir + "index.txt");
            while (indexes.hasMoreElements()) {
                String index;
                try (InputStream in = indexes.nextElement().openStream()) {
                    index = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
                for (String file : index.split("\\R")) {
                    if (!file.isBlank() && !file.startsWith("#")) {
                        load(dir + file.strip()).forEach((op, v) -> all.put(op, (Map<String, Object>) v));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static Map<String, Object> load(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            return JSON.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + rolesByOperation.keySet().stream().map(k -> k.toLowerCase(Locale.ROOT))
                .toList();
    }
}
