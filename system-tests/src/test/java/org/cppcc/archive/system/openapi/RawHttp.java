package org.cppcc.archive.system.openapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection: sends exactly the bytes it is given (a request target with
 * invalid UTF-8 or raw non-ASCII, a header with a NUL or a lone surrogate's bytes), which java.net.http refuses to
 * send, and reads the answer (Content-Length, chunked or up to the close). An answer that never comes, or stops
 * early, is reported as dropped.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 60_000;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** An answer, or why there was none ({@code dropped} non-null). */
    record Answer(int status, Map<String, List<String>> headers, byte[] body, String dropped) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String mediaType() {
            String type = header("content-type");
            return type == null ? null : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A request: the target and header values as raw bytes; a body of null sends no Content-Length. */
    static final class Request {
        final String method;
        final byte[] target;
        final List<byte[][]> headers = new ArrayList<>();
        byte[] body;

        Request(String method, byte[] target) {
            this.method = method;
            this.target = target;
        }

        Request header(String name, String value) {
            return header(name, value.getBytes(StandardCharsets.UTF_8));
        }

        Request header(String name, byte[] value) {
            headers.removeIf(h -> new String(h[0], StandardCharsets.ISO_8859_1).equalsIgnoreCase(name));
            headers.add(new byte[][] { name.getBytes(StandardCharsets.ISO_8859_1), value });
            return this;
        }

        Request withoutHeader(String name) {
            headers.removeIf(h -> new String(h[0], StandardCharsets.ISO_8859_1).equalsIgnoreCase(name));
            return this;
        }

        Request body(byte[] body) {
            this.body = body;
            return this;
        }

        Request copy() {
            Request copy = new Request(method, target);
            headers.forEach(h -> copy.headers.add(h.clone()));
            copy.body = body;
            return copy;
        }

        Request withTarget(byte[] newTarget) {
            Request copy = new Request(method, newTarget);
            headers.forEach(h -> copy.headers.add(h.clone()));
            copy.body = body;
            return copy;
        }

        String describe() {
            String t = new String(target, StandardCharsets.ISO_8859_1);
            return method + " " + (t.length() > 120 ? t.substring(0, 117) + "..." : t);
        }
    }

    Answer send(Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((request.method + " ").getBytes(StandardCharsets.US_ASCII));
            head.writeBytes(request.target);
            head.writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            head.writeBytes(("Host: " + host + ":" + port + "\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (byte[][] h : request.headers) {
                head.writeBytes(h[0]);
                head.writeBytes(": ".getBytes(StandardCharsets.US_ASCII));
                head.writeBytes(h[1]);
                head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (request.body != null) {
                head.writeBytes(("Content-Length: " + request.body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toByteArray());
                if (request.body != null) {
                    out.write(request.body);
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer (413, 400) and close before it has read everything: read what it said.
            }
            return read(socket.getInputStream(), request.method.equals("HEAD"));
        } catch (IOException e) {
            return new Answer(0, Map.of(), new byte[0], e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Answer read(InputStream raw, boolean head) throws IOException {
        InputStream in = new java.io.BufferedInputStream(raw);
        String statusLine = line(in);
        if (statusLine == null) {
            return new Answer(0, Map.of(), new byte[0], "connection closed without an answer");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            return new Answer(0, Map.of(), new byte[0], "not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(h.substring(colon + 1).strip());
            }
        }
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            return new Answer(status, headers, new byte[0], null);
        }
        List<String> te = headers.get("transfer-encoding");
        List<String> length = headers.get("content-length");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (te != null && te.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
                while (true) {
                    String size = line(in);
                    if (size == null) {
                        return new Answer(status, headers, body.toByteArray(), "chunked body cut off");
                    }
                    int n = Integer.parseInt(size.split(";", 2)[0].strip(), 16);
                    if (n == 0) {
                        for (String t = line(in); t != null && !t.isEmpty(); t = line(in)) {
                            // trailers
                        }
                        break;
                    }
                    byte[] chunk = in.readNBytes(n);
                    if (chunk.length < n) {
                        return new Answer(status, headers, body.toByteArray(), "chunk cut off");
                    }
                    body.writeBytes(chunk);
                    line(in);
                    if (body.size() > MAX_BODY) {
                        break;
                    }
                }
            } else if (length != null) {
                int n = Integer.parseInt(length.get(0));
                byte[] bytes = in.readNBytes(Math.min(n, MAX_BODY));
                body.writeBytes(bytes);
                if (bytes.length < Math.min(n, MAX_BODY)) {
                    return new Answer(status, headers, body.toByteArray(),
                            "body cut off after " + bytes.length + " of " + n + " bytes");
                }
            } else {
                body.writeBytes(in.readNBytes(MAX_BODY));
            }
        } catch (IOException e) {
            return new Answer(status, headers, body.toByteArray(), "body cut off: " + e.getMessage());
        }
        return new Answer(status, headers, body.toByteArray(), null);
    }

    /** One line without its CRLF (ISO-8859-1), or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = out.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            out.write(b);
            if (out.size() > 1_000_000) {
                throw new IOException("line too long");
            }
        }
        return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
    }
}
