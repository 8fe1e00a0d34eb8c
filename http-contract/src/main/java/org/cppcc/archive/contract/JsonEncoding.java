package org.cppcc.archive.contract;

import java.io.IOException;
import java.io.PushbackInputStream;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * JSON bodies must be UTF-8 (RFC 8259 §8.1). Jackson would otherwise detect UTF-16 or UTF-32 from the first bytes and
 * read them, so one body could be stored as text its sender did not mean. In UTF-8 a JSON text's first two bytes are
 * never NUL and never a UTF-16 byte order mark; in the other encodings they are.
 */
@Provider
public class JsonEncoding implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            PushbackInputStream in = new PushbackInputStream(context.getInputStream(), 2);
            byte[] head = in.readNBytes(2);
            if (notUtf8(head)) {
                throw new ProblemException(400, "A JSON body must be encoded in UTF-8; this one is not.");
            }
            in.unread(head);
            context.setInputStream(in);
        }
        return context.proceed();
    }

    static boolean notUtf8(byte[] head) {
        if (head.length >= 1 && head[0] == 0 || head.length >= 2 && head[1] == 0) {
            return true;
        }
        return head.length == 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE));
    }
}
