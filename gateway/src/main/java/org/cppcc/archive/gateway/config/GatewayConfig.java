package org.cppcc.archive.gateway.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the gateway forwards, and how long it is willing to wait. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Upstream services by name ({@code document}, {@code search}, {@code stats}). */
    Map<String, Upstream> upstreams();

    /** Path prefixes (e.g. {@code /api/v1/speeches}) and the upstream each one goes to. */
    Map<String, String> routes();

    /** Time allowed to open a connection to an upstream. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Time an upstream may stay silent (no headers, no body bytes) before the caller gets a 504. */
    @WithDefault("15s")
    Duration responseTimeout();

    /** Silence allowed on long-polling routes, which legitimately wait for news. */
    @WithDefault("45s")
    Duration longPollTimeout();

    /** Path prefixes that long-poll. */
    @WithDefault("/api/v1/changes")
    java.util.List<String> longPollRoutes();

    /** Largest request body forwarded; beyond it the caller gets a 413. */
    @WithDefault("20M")
    io.quarkus.runtime.configuration.MemorySize maxBodySize();

    CircuitBreakerConfig circuitBreaker();

    RateLimitConfig rateLimit();

    TokenCacheConfig tokenCache();

    UpstreamClientConfig upstreamClient();

    CorsConfig cors();

    OpenApiConfig openapi();

    SwaggerUiConfig swaggerUi();

    ConsoleConfig console();

    interface CorsConfig {
        /** Browser origins (portals) allowed to call the API; applied through quarkus.http.cors.origins. */
        java.util.List<String> origins();
    }

    interface OpenApiConfig {
        /** How often the services' documents are fetched again for the merged one. */
        @WithDefault("60s")
        Duration refresh();

        /** The merged document's server; without it, the scheme and host the caller used. */
        java.util.Optional<String> serverUrl();
    }

    interface SwaggerUiConfig {
        /** The public Keycloak client Swagger UI logs in with (authorization code + PKCE). */
        @WithDefault("swagger-ui")
        String clientId();
    }

    interface ConsoleConfig {
        /** The public Keycloak client the web console logs in with (authorization code + PKCE). */
        @WithDefault("console")
        String clientId();
    }

    interface Upstream {
        /**
         * Base URL, e.g. {@code http://127.0.0.1:8081}, or the base URLs of its replicas, comma-separated; requests
         * take the replicas in turn.
         */
        java.util.List<String> url();
    }

    interface RateLimitConfig {
        /** Requests per minute per client, by realm role; a client gets its most generous role's budget. */
        Map<String, Long> requestsPerMinute();

        /** Budget of a client that has none of the configured roles. */
        @WithDefault("60")
        long defaultRequestsPerMinute();

        /**
         * The Redis that holds the buckets every gateway shares, e.g. {@code redis://127.0.0.1:6379}; without it each
         * gateway counts in its own memory, and N gateways grant a client N budgets.
         */
        java.util.Optional<String> redisUrl();

        /** How long a request waits for Redis before it is counted in the gateway's own memory instead. */
        @WithDefault("250ms")
        Duration redisTimeout();
    }

    interface TokenCacheConfig {
        /** Whether a verified token's identity is kept until its expiry, so its signature is checked once. */
        @WithDefault("true")
        boolean enabled();

        /** Tokens kept at most; beyond, a new token is verified on every request until room is made. */
        @WithDefault("10000")
        int maxEntries();

        /** How often expired tokens are dropped (an expired one is never served in between). */
        @WithDefault("30s")
        Duration purgeInterval();
    }

    interface UpstreamClientConfig {
        /** Keep-alive connections per upstream and event loop (each event loop has its own pool). */
        @WithDefault("64")
        int maxConnections();

        /** How long an idle pooled connection is kept open. */
        @WithDefault("60s")
        Duration keepAliveTimeout();
    }

    interface CircuitBreakerConfig {
        /** Consecutive failures (no connection, timeout, 502-504) that open the breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker answers 503 at once before letting one trial request through. */
        @WithDefault("10s")
        Duration openDuration();
    }
}
