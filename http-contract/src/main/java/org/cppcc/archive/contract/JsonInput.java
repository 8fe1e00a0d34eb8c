package org.cppcc.archive.contract;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON as every service speaks it:
 * <ul>
 * <li>characters outside the BMP (e.g. CJK Extension B, 𠀀) are written as their UTF-8 bytes instead of Jackson's
 * default surrogate escapes, so stored and served text is byte-for-byte the text that was received;</li>
 * <li>input is strict: no trailing content after the document, no key twice in one object, no {@code "1"} for a
 * number, no {@code 1.5} for an integer, no {@code 123} or {@code true} for a string, no {@code "true"} for a boolean
 * (unknown fields are refused by {@code quarkus.jackson.fail-on-unknown-properties}); each refusal is a 400 problem
 * naming the field ({@link ProblemMappers});</li>
 * <li>dates are read strictly: {@code "2021-09-28"}, not {@code 18898} (a day number) or {@code ""};</li>
 * <li>the body is UTF-8 ({@link JsonEncoding}).</li>
 * </ul>
 * The gateway reads no JSON bodies and has no quarkus-jackson: it excludes this bean
 * ({@code quarkus.arc.exclude-types}).
 */
@Singleton
public class JsonInput implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(JsonGenerator.Feature.COMBINE_UNICODE_SURROGATES_IN_UTF8, true);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.setDefaultLeniency(false);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
