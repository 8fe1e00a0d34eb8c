package org.cppcc.archive.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details: the body of every error a service or the gateway answers. Extension members:
 * {@code requestId}, {@code violations} (invalid inputs) and {@code line} (1-based line of an import that does not
 * parse; only document-service sets it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<Violation> violations, Integer line) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem without extension members other than {@code requestId} and {@code violations}. */
    public Problem(String type, String title, int status, String detail, String instance, String requestId,
            List<Violation> violations) {
        this(type, title, status, detail, instance, requestId, violations, null);
    }

    /** One rejected input: where it was ({@code field} is a property path or parameter name) and why. */
    public record Violation(String field, String message) {
    }
}
