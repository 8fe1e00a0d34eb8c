package org.cppcc.archive.search.opensearch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.http.HttpHost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.opensearch.client.Cancellable;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.ResponseListener;
import org.opensearch.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The REST calls to an OpenSearch cluster, JSON in and out, over the low-level client: it spreads requests over the
 * nodes given and sets a node that does not answer aside for a while, so a cluster losing a node keeps answering.
 */
public final class OpenSearchClient implements Closeable {

    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);
    /**
     * A query a caller waits for is given up after 10 s in all, within the gateway's 15 s response timeout: the caller
     * is then told to retry (503) by the service, not cut off by the gateway (504). In all: the client tries the next
     * node when one fails or stops answering, so a bound per try (the socket timeout) would add up over the nodes.
     * Writes keep the client's 30 s per try.
     */
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

    private final RestClient rest;

    public OpenSearchClient(List<String> urls) {
        this.rest = RestClient.builder(urls.stream().map(u -> {
            URI uri = URI.create(u.strip());
            return new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme());
        }).toArray(HttpHost[]::new)).build();
    }

    /** A request with a JSON body (or none); any answer but 2xx is an IOException naming it. */
    public JsonNode send(String method, String path, Map<String, String> parameters, JsonNode body)
            throws IOException {
        Request request = new Request(method, path);
        parameters.forEach(request::addParameter);
        if (body != null) {
            request.setEntity(json(body));
        }
        return read(rest.performRequest(request));
    }

    /** A query (POST with a JSON body) a caller waits for: given up after {@link #QUERY_TIMEOUT}, every try included. */
    public JsonNode query(String path, JsonNode body) throws IOException {
        Request request = new Request("POST", path);
        request.setEntity(json(body));
        CompletableFuture<Response> answer = new CompletableFuture<>();
        Cancellable call = rest.performRequestAsync(request, new ResponseListener() {
            @Override
            public void onSuccess(Response response) {
                answer.complete(response);
            }

            @Override
            public void onFailure(Exception e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return read(answer.get(QUERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            call.cancel();
            throw new IOException("OpenSearch did not answer " + path + " within " + QUERY_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for OpenSearch");
        }
    }

    /** Like {@link #send}, but a 404 is empty: the index, alias or document does not exist. */
    public Optional<JsonNode> find(String method, String path, Map<String, String> parameters, JsonNode body)
            throws IOException {
        try {
            return Optional.of(send(method, path, parameters, body));
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Whether a request failed on a version conflict (409). */
    public static boolean isConflict(IOException e) {
        return e instanceof ResponseException r && r.getResponse().getStatusLine().getStatusCode() == 409;
    }

    /** A bulk request: one JSON object per line; the answer's items say how each fared. */
    public JsonNode bulk(String path, Map<String, String> parameters, List<JsonNode> lines) throws IOException {
        StringBuilder body = new StringBuilder();
        for (JsonNode line : lines) {
            body.append(OpenSearchSchema.JSON.writeValueAsString(line)).append('\n');
        }
        Request request = new Request("POST", path);
        parameters.forEach(request::addParameter);
        request.setEntity(new StringEntity(body.toString(), NDJSON));
        return read(rest.performRequest(request));
    }

    private static StringEntity json(JsonNode body) throws IOException {
        return new StringEntity(OpenSearchSchema.JSON.writeValueAsString(body), ContentType.APPLICATION_JSON);
    }

    private static JsonNode read(Response response) throws IOException {
        return OpenSearchSchema.JSON.readTree(response.getEntity() == null ? "{}"
                : new String(response.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
