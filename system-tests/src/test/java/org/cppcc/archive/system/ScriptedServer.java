package org.cppcc.archive.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A socket server that hands every connection to a script, one connection at a time: an upstream or a gateway that
 * misbehaves in exactly the way a test needs (stays silent, dies under a request, answers something that is not HTTP).
 */
final class ScriptedServer implements AutoCloseable {

    interface Script {
        void run(Socket connection) throws IOException;
    }

    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

    ScriptedServer(Script script) throws IOException {
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    script.run(connection);
                } catch (IOException e) {
                    // the next connection
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Reads the head of a request or of an answer (up to the blank line), byte by byte so that nothing of what follows
     * is consumed, and returns it; null when the connection ends first.
     */
    static String readHead(Socket connection) throws IOException {
        InputStream in = connection.getInputStream();
        StringBuilder head = new StringBuilder();
        int last4 = 0;
        for (int b; (b = in.read()) >= 0;) {
            head.append((char) b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) {
                return head.toString();
            }
        }
        return null;
    }

    /** The Content-Length a request head declares, 0 without one. */
    static long contentLength(String head) {
        return head.lines().filter(line -> line.regionMatches(true, 0, "Content-Length:", 0, 15))
                .mapToLong(line -> Long.parseLong(line.substring(15).trim())).findFirst().orElse(0);
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
