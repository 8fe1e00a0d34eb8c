package org.cppcc.archive.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;

/** The feed's HTTP client against a real local HTTP server standing in for document-service. */
class FeedClientTest {

    record Page(List<Item> items, long next, Long head) implements FeedPage {
    }

    record Item(long cursor, String type, long speechId) {
    }

    record Compilation(long id, LocalDate date) {
    }

    /** A token that is "stale" until invalidated once, then "fresh"; no Keycloak. */
    static final class TestToken extends ServiceToken {
        final AtomicInteger invalidated = new AtomicInteger();

        TestToken() {
            super(null);
        }

        @Override
        public synchronized String get() {
            return invalidated.get() == 0 ? "stale" : "fresh";
        }

        @Override
        public synchronized void invalidate() {
            invalidated.incrementAndGet();
        }
    }

    private static final String PAGE = "{\"items\":[{\"cursor\":8,\"type\":\"upsert\",\"speechId\":3,\"extra\":1}],"
            + "\"next\":8,\"head\":12}";

    private LocalServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile String acceptedBearer = "Bearer fresh";
    private volatile int status = 200;
    private volatile String body = PAGE;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer(this::answer);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        seen.add(bearer + " " + exchange.getRequestURI());
        boolean allowed = acceptedBearer == null || acceptedBearer.equals(bearer);
        LocalServer.answer(exchange, allowed ? status : 401, allowed ? body : "{\"status\":401}");
    }

    /** With a trailing slash, which the client drops. */
    private String url() {
        return server.url() + "/";
    }

    @Test
    void aRefusedTokenIsFetchedAgainAndTheCallRetriedOnce() throws Exception {
        TestToken token = new TestToken();
        Page page = new FeedClient(url(), token).changes(7, 50, 0, Page.class);

        assertEquals(List.of(new Item(8, "upsert", 3)), page.items());
        assertEquals(8, page.next());
        assertEquals(12L, page.head());
        assertEquals(1, token.invalidated.get());
        assertEquals(List.of("Bearer stale /api/v1/changes?after=7&limit=50&wait=0",
                "Bearer fresh /api/v1/changes?after=7&limit=50&wait=0"), seen);
    }

    @Test
    void aTokenRefusedTwiceIsTheFeedsAnswer() {
        acceptedBearer = "Bearer never";
        TestToken token = new TestToken();
        FeedUnavailableException e = assertThrows(FeedUnavailableException.class,
                () -> new FeedClient(url(), token).changes(0, 10, 0, Page.class));
        assertEquals("document-service answered 401 to /api/v1/changes?after=0&limit=10&wait=0", e.getMessage());
        assertEquals(2, seen.size(), "one retry, not more");
    }

    @Test
    void anErrorAnswerIsNotRetried() {
        acceptedBearer = null;
        status = 503;
        body = "{\"status\":503}";
        FeedUnavailableException e = assertThrows(FeedUnavailableException.class,
                () -> new FeedClient(url(), new TestToken()).changes(4, 10, 0, Page.class));
        assertEquals("document-service answered 503 to /api/v1/changes?after=4&limit=10&wait=0", e.getMessage());
        assertEquals(List.of("Bearer stale /api/v1/changes?after=4&limit=10&wait=0"), seen);
    }

    @Test
    void aPageThatIsNotJsonIsUnavailableToo() {
        acceptedBearer = null;
        body = "<html>maintenance</html>";
        FeedUnavailableException e = assertThrows(FeedUnavailableException.class,
                () -> new FeedClient(url(), new TestToken()).changes(0, 10, 0, Page.class));
        assertTrue(e.getMessage().startsWith("unreadable change feed page: "), e.getMessage());
    }

    @Test
    void anUnreachableServiceIsNamedWithTheRootCause() {
        String url = url();
        int port = server.port();
        server.close();
        FeedUnavailableException e = assertThrows(FeedUnavailableException.class,
                () -> new FeedClient(url, new TestToken()).changes(0, 10, 0, Page.class));
        String prefix = "document-service unreachable at 127.0.0.1:" + port + ": ";
        assertTrue(e.getMessage().startsWith(prefix) && e.getMessage().length() > prefix.length(), e.getMessage());
    }

    @Test
    void noTokenFromKeycloakIsNamedWithTheRootCause() {
        ServiceToken broken = new ServiceToken(null) {
            @Override
            public synchronized String get() {
                throw new IllegalStateException("token request failed",
                        new UncheckedIOException(new IOException("Connection refused: 127.0.0.1/8180")));
            }
        };
        FeedUnavailableException e = assertThrows(FeedUnavailableException.class,
                () -> new FeedClient(url(), broken).changes(0, 10, 0, Page.class));
        assertEquals("no service-account token from Keycloak: IOException Connection refused: 127.0.0.1/8180",
                e.getMessage());
        assertEquals(List.of(), seen, "nothing is sent without a token");
    }

    @Test
    void otherAnswersAreReadWithTheSameRules() throws Exception {
        acceptedBearer = null;
        body = "{\"id\":5,\"date\":\"2021-09-28\",\"unknown\":true}";
        HttpResponse<byte[]> response = new FeedClient(url(), new TestToken()).get("/api/v1/compilations/5",
                Duration.ofSeconds(5));
        assertEquals(200, response.statusCode());
        assertEquals(new Compilation(5, LocalDate.of(2021, 9, 28)), FeedClient.read(response.body(), Compilation.class));
    }
}
