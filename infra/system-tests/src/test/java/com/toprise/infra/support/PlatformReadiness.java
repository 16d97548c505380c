package com.toprise.infra.support;

import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.platform.PlatformComponent;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether the shared platform is as a test found it. A test that breaks something on purpose (stops a component,
 * kills the topology, restarts a connector or the whole platform) waits here before it ends, so the next test, in
 * whatever order it runs, starts on a platform whose every component is ready and every connector RUNNING.
 */
public final class PlatformReadiness {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private PlatformReadiness() {
    }

    public static void awaitUsable(EmbeddedPlatform platform) {
        awaitUsable(platform, DEFAULT_TIMEOUT);
    }

    /** Waits until nothing is {@link #notReady}; fails naming what still is not after the timeout. */
    public static void awaitUsable(EmbeddedPlatform platform, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> waitingFor = notReady(platform);
        while (!waitingFor.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("platform not usable after " + timeout.toSeconds() + " s: " + waitingFor);
            }
            sleep(500);
            waitingFor = notReady(platform);
        }
    }

    /** Components whose readiness check fails, and connectors that are not RUNNING with all their tasks. */
    public static List<String> notReady(EmbeddedPlatform platform) {
        List<String> waitingFor = new ArrayList<>();
        for (PlatformComponent component : platform.components()) {
            if (!component.isReady()) {
                waitingFor.add(component.name());
            }
        }
        if (!waitingFor.contains("connect")) {
            waitingFor.addAll(connectorsNotRunning(platform.connectUrl()));
        }
        return waitingFor;
    }

    private static List<String> connectorsNotRunning(String connectUrl) {
        List<String> notRunning = new ArrayList<>();
        JsonNode connectors;
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(connectUrl + "/connectors?expand=status")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return List.of("connectors (HTTP " + response.statusCode() + ")");
            }
            connectors = Api.JSON.readTree(response.body());
        } catch (IOException e) {
            return List.of("connectors (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, JsonNode> connector : connectors.properties()) {
            JsonNode status = connector.getValue().path("status");
            boolean running = "RUNNING".equals(status.path("connector").path("state").asString())
                    && !status.path("tasks").isEmpty();
            for (JsonNode task : status.path("tasks")) {
                running &= "RUNNING".equals(task.path("state").asString());
            }
            if (!running) {
                notRunning.add("connector " + connector.getKey());
            }
        }
        return notRunning;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
