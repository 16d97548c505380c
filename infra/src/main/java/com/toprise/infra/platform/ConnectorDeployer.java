package com.toprise.infra.platform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deploys the connector files of {@code connectors/deploy} ({@code {"name": …, "config": {…}}}, the Connect REST
 * API's own format) and waits until each connector and its tasks run. Deploying is an idempotent PUT, so a second
 * {@code up} leaves running connectors as they are and their offsets where they were.
 */
public final class ConnectorDeployer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(90);

    private final ConnectRestClient connect;
    private final PlatformComponent worker;

    /** @param worker the platform's Connect worker, named in failures; null for a Connect cluster of elsewhere */
    public ConnectorDeployer(ConnectRestClient connect, PlatformComponent worker) {
        this.connect = connect;
        this.worker = worker;
    }

    /** The connector files in deploy order (by file name). */
    public static List<Path> connectorFiles(Path projectRoot) {
        return DataDirs.jsonFiles(projectRoot.resolve("connectors/deploy"));
    }

    /** Deploys one file and returns the connector's name once it runs. */
    public String deploy(Path file) {
        JsonNode definition;
        try {
            definition = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connector file " + file, e);
        }
        String name = definition.path("name").asString();
        Map<String, String> config = new LinkedHashMap<>();
        definition.path("config").properties().forEach(e -> config.put(e.getKey(), e.getValue().asString()));
        if (name.isBlank() || config.isEmpty()) {
            throw new IllegalArgumentException(file + " needs a name and a config object");
        }
        connect.putConfig(name, config);
        awaitRunning(name, file);
        return name;
    }

    private void awaitRunning(String name, Path file) {
        long deadline = System.nanoTime() + RUNNING_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (connect.isRunning(name)) {
                return;
            }
            var failure = connect.failureTrace(name);
            if (failure.isPresent()) {
                throw failure("could not run connector " + name + " of " + file + ": " + firstLines(failure.get()));
            }
            sleep();
        }
        throw failure("did not run connector " + name + " of " + file + " within " + RUNNING_TIMEOUT.toSeconds()
                + " s: " + connect.status(name).map(JsonNode::toString).orElse("no status"));
    }

    /** Names the worker and its log when it is ours; a foreign Connect cluster has none to name. */
    private RuntimeException failure(String what) {
        return worker == null ? new IllegalStateException(what) : new ComponentFailure(worker, what, null);
    }

    private static String firstLines(String trace) {
        return trace.lines().limit(3).reduce((a, b) -> a + " | " + b).orElse(trace);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
