package com.toprise.infra.provisioning;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deploys the connector files of {@code connectors/deploy} ({@code {"name": …, "config": {…}}}, the Connect REST
 * API's own format) and waits until each connector and its tasks run. A connector whose stored config already
 * equals its file is left alone, so a second pass neither restarts running connectors nor moves their offsets.
 */
public final class ConnectorDeployer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(90);

    private final ConnectRestClient connect;
    private final String connectUrl;

    public ConnectorDeployer(String connectUrl) {
        this.connect = new ConnectRestClient(connectUrl);
        this.connectUrl = connectUrl;
    }

    /** Deploys one file and returns the connector's name once it runs. */
    public String apply(Path file, ProvisioningReport report) {
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
        var stored = connect.config(name);
        Map<String, String> wanted = new LinkedHashMap<>(config);
        wanted.put("name", name); // Connect stores the name inside the config
        if (stored.isPresent() && stored.get().equals(wanted)) {
            awaitRunning(name, file);
            report.add("connector", name, ProvisioningReport.Action.UNCHANGED, "");
            return name;
        }
        connect.putConfig(name, config);
        awaitRunning(name, file);
        report.add("connector", name, stored.isPresent() ? ProvisioningReport.Action.UPDATED
                : ProvisioningReport.Action.CREATED, "from " + file.getFileName());
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
                throw new ProvisioningFailure("Connect at " + connectUrl + " could not run connector " + name + " of "
                        + file + ": " + firstLines(failure.get()));
            }
            sleep();
        }
        throw new ProvisioningFailure("Connect at " + connectUrl + " did not run connector " + name + " of " + file
                + " within " + RUNNING_TIMEOUT.toSeconds() + " s: "
                + connect.status(name).map(JsonNode::toString).orElse("no status"));
    }

    private static String firstLines(String trace) {
        return trace.lines().limit(3).reduce((a, b) -> a + " | " + b).orElse(trace);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningFailure("interrupted", e);
        }
    }
}
