package org.cppcc.archive.stats.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

/** Writes a list's answer as CSV ({@code Accept: text/csv}), UTF-8, with {@link CsvRows} and {@link Csv}. */
@Provider
@Produces(Csv.MEDIA_TYPE)
public class CsvBodyWriter implements MessageBodyWriter<Object> {

    private static final String CONTENT_TYPE = Csv.MEDIA_TYPE + ";charset=UTF-8";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return CsvRows.isList(type) && mediaType.isCompatible(MediaType.valueOf(Csv.MEDIA_TYPE));
    }

    @Override
    public void writeTo(Object answer, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        String csv = CsvRows.of(answer).orElseThrow(() -> new IllegalStateException("no CSV for " + type)).write();
        headers.putSingle(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE);
        out.write(csv.getBytes(StandardCharsets.UTF_8));
    }
}
