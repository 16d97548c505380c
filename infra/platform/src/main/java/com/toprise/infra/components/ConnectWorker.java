package com.toprise.infra.components;

import com.toprise.infra.platform.PlatformComponent;
import com.toprise.infra.platform.PlatformSettings;
import com.toprise.infra.platform.Probes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Kafka Connect worker in distributed mode: its configs, offsets and status live in Kafka topics,
 * so a restarted worker resumes where it stopped. Connectors are deployed through its REST API.
 */
public final class ConnectWorker extends PlatformComponent {

    private final String bootstrapServers;
    private final Map<String, String> connectorEnvironment;

    /**
     * @param connectorEnvironment what the connector files in {@code connectors/deploy} read through {@code ${env:…}}:
     *                             the same files run on a production Connect cluster with other values
     */
    public ConnectWorker(PlatformSettings settings, String bootstrapServers, Map<String, String> connectorEnvironment) {
        super(settings);
        this.bootstrapServers = bootstrapServers;
        this.connectorEnvironment = Map.copyOf(connectorEnvironment);
    }

    @Override
    public String name() {
        return "connect";
    }

    @Override
    public int port() {
        return settings.ports().connect();
    }

    @Override
    public String address() {
        return "http://127.0.0.1:" + port();
    }

    /** Extra connector plugins may be dropped here, one folder per plugin. */
    public Path pluginDir() {
        return home().resolve("plugins");
    }

    /** Debezium's MongoDB connector (unpacked by the infra build) and our own connectors (built by connectors/). */
    private List<Path> pluginPath() {
        return List.of(pluginDir(),
                settings.projectRoot().resolve("infra/platform/target/connect-plugins"),
                settings.projectRoot().resolve("connectors/target/connect-plugin"));
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(180);
    }

    @Override
    protected void prepare() throws Exception {
        Files.createDirectories(pluginDir());
        Files.writeString(home().resolve("worker.properties"), String.join("\n",
                "bootstrap.servers=" + bootstrapServers,
                "group.id=toprise-connect",
                "config.storage.topic=connect-configs",
                "offset.storage.topic=connect-offsets",
                "status.storage.topic=connect-status",
                "config.storage.replication.factor=1",
                "offset.storage.replication.factor=1",
                "status.storage.replication.factor=1",
                "offset.storage.partitions=5",
                "status.storage.partitions=3",
                "key.converter=org.apache.kafka.connect.json.JsonConverter",
                "value.converter=org.apache.kafka.connect.json.JsonConverter",
                "key.converter.schemas.enable=false",
                "value.converter.schemas.enable=false",
                "offset.flush.interval.ms=1000",
                // sinks subscribe to cdc topics that Debezium creates on its first record: see them within seconds
                "consumer.metadata.max.age.ms=5000",
                "listeners=http://127.0.0.1:" + port(),
                "rest.advertised.host.name=127.0.0.1",
                "rest.advertised.port=" + port(),
                "plugin.path=" + pluginPath().stream().map(Path::toString).collect(Collectors.joining(",")),
                // every plugin we load declares itself in META-INF/services; the default (hybrid_warn) also scans
                // every class of every plugin and of the classpath by reflection, most of the worker's start-up
                "plugin.discovery=service_load",
                // connector configs say ${env:NAME} for what differs between machines
                "config.providers=env",
                "config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider",
                // connectors may create the topics they write to (Debezium's topic.creation.* settings)
                "topic.creation.enable=true",
                ""));
    }

    @Override
    protected Map<String, String> environment() {
        return connectorEnvironment;
    }

    @Override
    protected List<String> command() {
        return javaCommand("512m", "org.apache.kafka.connect.cli.ConnectDistributed",
                home().resolve("worker.properties").toString());
    }

    @Override
    public boolean isReady() {
        // /connectors answers only once the worker has joined its group and read the config topic
        return Probes.httpGet(address() + "/connectors").isPresent();
    }
}
