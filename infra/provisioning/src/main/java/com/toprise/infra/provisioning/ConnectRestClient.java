package com.toprise.infra.provisioning;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The few calls of the Kafka Connect REST API that provisioning, the platform and its tests make. */
public final class ConnectRestClient {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String baseUrl;

    public ConnectRestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Creates or updates a connector: PUT /connectors/{name}/config, which is idempotent. */
    public void putConfig(String name, Map<String, String> config) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/connectors/" + encode(name) + "/config"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config))));
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IllegalStateException("Connect refused connector " + name + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
    }

    /** GET /connectors/{name}/config as stored (config provider references unresolved), or empty when absent. */
    public Optional<Map<String, String>> config(String name) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/connectors/" + encode(name) + "/config")).GET());
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        Map<String, String> config = new java.util.LinkedHashMap<>();
        JSON.readTree(response.body()).properties().forEach(e -> config.put(e.getKey(), e.getValue().asString()));
        return Optional.of(config);
    }

    public void delete(String name) {
        send(HttpRequest.newBuilder(uri("/connectors/" + encode(name))).DELETE());
    }

    public void restart(String name) {
        send(HttpRequest.newBuilder(uri("/connectors/" + encode(name) + "/restart?includeTasks=true"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** GET /connectors/{name}/status, or empty when the connector does not exist (yet). */
    public Optional<JsonNode> status(String name) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/connectors/" + encode(name) + "/status")).GET());
        return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
    }

    /** Whether the connector and every one of its tasks (at least one) are RUNNING. */
    public boolean isRunning(String name) {
        return status(name).map(status -> "RUNNING".equals(status.path("connector").path("state").asString())
                && !status.path("tasks").isEmpty()
                && allRunning(status.path("tasks"))).orElse(false);
    }

    /** The first task or connector trace, to say why a connector failed. */
    public Optional<String> failureTrace(String name) {
        return status(name).flatMap(status -> {
            if ("FAILED".equals(status.path("connector").path("state").asString())) {
                return Optional.of(status.path("connector").path("trace").asString());
            }
            for (JsonNode task : status.path("tasks")) {
                if ("FAILED".equals(task.path("state").asString())) {
                    return Optional.of(task.path("trace").asString());
                }
            }
            return Optional.empty();
        });
    }

    private static boolean allRunning(JsonNode tasks) {
        for (JsonNode task : tasks) {
            if (!"RUNNING".equals(task.path("state").asString())) {
                return false;
            }
        }
        return true;
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Kafka Connect REST API not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
