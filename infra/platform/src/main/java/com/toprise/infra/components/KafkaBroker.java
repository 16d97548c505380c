package com.toprise.infra.components;

import com.toprise.infra.platform.ManagedProcess;
import com.toprise.infra.platform.PlatformComponent;
import com.toprise.infra.platform.PlatformSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker + controller), run from the Kafka jars.
 * Storage is formatted once; later starts reuse the same log dirs and cluster id.
 */
public final class KafkaBroker extends PlatformComponent {

    /** Fixed so that a data dir formatted by one run is accepted by the next. */
    private static final String CLUSTER_ID = "VG9wUmlzZVN0cmVhbXNLYQ";

    public KafkaBroker(PlatformSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public int port() {
        return settings.ports().kafka();
    }

    @Override
    public String address() {
        return bootstrapServers();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port();
    }

    @Override
    protected void prepare() throws Exception {
        Path config = home().resolve("server.properties");
        Files.createDirectories(home());
        Files.writeString(config, serverProperties());
        if (!Files.exists(logDir().resolve("meta.properties"))) {
            ManagedProcess.runToCompletion("kafka-storage-format",
                    javaCommand("128m", "kafka.tools.StorageTool",
                            "format", "--cluster-id", CLUSTER_ID, "--config", config.toString(), "--ignore-formatted"),
                    Map.of(), home(), settings.logDir().resolve("kafka-storage-format.log"), Duration.ofSeconds(60));
        }
    }

    @Override
    protected List<String> command() {
        return javaCommand("512m", "kafka.Kafka", home().resolve("server.properties").toString());
    }

    @Override
    public boolean isReady() {
        try (Admin admin = admin(bootstrapServers())) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    public static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
    }

    private Path logDir() {
        return home().resolve("log-dirs");
    }

    private String serverProperties() {
        int controller = settings.ports().kafkaController();
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port() + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir(),
                // topics are created explicitly, with their partition counts, by the platform and the connectors
                "auto.create.topics.enable=false",
                "num.partitions=3",
                // a single node: internal topics cannot have more replicas than brokers
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "") ;
    }
}
