package com.toprise.infra.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/** Reads documents back from Elasticsearch over its REST API, for tests of what the sink wrote. */
public final class ElasticsearchDocs {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String baseUrl;

    public ElasticsearchDocs(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The _source of a document, or empty when it does not exist (or the index does not yet). */
    public Optional<JsonNode> source(String index, String id) {
        HttpResponse<String> response = get("/" + index + "/_doc/" + id);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + index + "/" + id + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return Optional.of(JSON.readTree(response.body()).path("_source"));
    }

    /** Waits until the document's state satisfies the condition (present with some content, or absent). */
    public boolean await(String index, String id, Predicate<Optional<JsonNode>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(source(index, id))) {
                return true;
            }
            sleep(250);
        }
        return false;
    }

    /** Count of documents matching a query string (after a refresh, so recent writes count). */
    public long count(String index, String query) {
        post("/" + index + "/_refresh");
        HttpResponse<String> response = get("/" + index + "/_count?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
        if (response.statusCode() == 404) {
            return 0;
        }
        return JSON.readTree(response.body()).path("count").asLong();
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Elasticsearch not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
