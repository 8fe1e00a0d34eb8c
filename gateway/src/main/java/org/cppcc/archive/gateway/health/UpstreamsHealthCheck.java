package org.cppcc.archive.gateway.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cppcc.archive.gateway.proxy.Replicas.Replica;
import org.cppcc.archive.gateway.proxy.Upstreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the gateway includes each upstream's own readiness, replica by replica with the state of its breaker:
 * the gateway is ready when every upstream has a ready replica.
 */
@Readiness
@ApplicationScoped
public class UpstreamsHealthCheck implements HealthCheck {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Upstreams upstreams;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    public UpstreamsHealthCheck(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
        upstreams.all().values().forEach(upstream -> {
            boolean anyUp = false;
            List<Replica> replicas = upstream.replicas().all();
            for (Replica replica : replicas) {
                String status = probe(replica.baseUrl().resolve("/q/health/ready"));
                anyUp |= "UP".equals(status);
                builder.withData(replicas.size() == 1 ? upstream.name() : upstream.name() + " " + replica.baseUrl(),
                        status + ", breaker " + replica.breaker().state());
            }
            if (!anyUp) {
                builder.down();
            }
        });
        return builder.build();
    }

    private String probe(URI uri) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? "UP" : "DOWN (HTTP " + response.statusCode() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "DOWN (interrupted)";
        } catch (Exception e) {
            return "DOWN (" + e.getClass().getSimpleName() + ")";
        }
    }
}
