package com.toprise.infra;

import com.toprise.infra.components.KafkaBroker;
import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.schemas.topics.Topic;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/toprise provision} against the embedded platform's Kafka, Connect and Elasticsearch, pointed at them by
 * the production variables, as an operator would run it: the platform provisioned them at start, so a pass changes
 * nothing; a config changed behind its back is set back, once.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class ProvisioningIT {

    @Test
    void aPassOverTheProvisionedPlatformChangesNothing(EmbeddedPlatform platform) throws Exception {
        Run run = provision(platform);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("0 changed").doesNotContain(" created ").doesNotContain(" updated ");
        for (Topic<?, ?> topic : Topics.all()) {
            assertThat(run.output()).contains(topic.name());
        }
        assertThat(run.output()).contains("orders-cdc-source").containsPattern("index template\\s+orders");
    }

    @Test
    void compactedTopicsAreCompactedOnTheBrokerAndADriftedConfigIsSetBack(EmbeddedPlatform platform) throws Exception {
        Topic<?, ?> levels = Topics.INVENTORY_LEVELS;
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, levels.name());
        try (Admin admin = KafkaBroker.admin(platform.kafkaBootstrapServers())) {
            for (Topic<?, ?> topic : Topics.all()) {
                assertThat(cleanupPolicy(admin, topic.name())).as(topic.name())
                        .isEqualTo(topic.configs().get(Topic.CLEANUP_POLICY));
            }
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry(Topic.CLEANUP_POLICY, "delete"), AlterConfigOp.OpType.SET))))
                    .all().get(10, TimeUnit.SECONDS);

            Run first = provision(platform);
            Run second = provision(platform);

            assertThat(first.exitCode()).as(first.output()).isZero();
            assertThat(first.output()).contains("1 changed").containsPattern(levels.name() + "\\s+updated");
            assertThat(cleanupPolicy(admin, levels.name())).isEqualTo("compact");
            assertThat(second.output()).as(second.output()).contains("0 changed");
        }
    }

    private static String cleanupPolicy(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        return config.get(Topic.CLEANUP_POLICY).value();
    }

    /** The command line's own main, in its own JVM, with only the production variables to go by. */
    private static Run provision(EmbeddedPlatform platform) throws IOException, InterruptedException {
        Path root = platform.settings().projectRoot();
        Path target = root.resolve("infra/provisioning/target");
        ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", target.resolve("classes") + ":" + target.resolve("lib") + "/*",
                "com.toprise.infra.provisioning.ProvisionCommand")
                .directory(root.toFile()).redirectErrorStream(true);
        process.environment().keySet().removeIf(name -> name.startsWith("TOPRISE_"));
        process.environment().putAll(Map.of(
                "TOPRISE_KAFKA_BOOTSTRAP_SERVERS", platform.kafkaBootstrapServers(),
                "TOPRISE_CONNECT_URL", platform.connectUrl(),
                "TOPRISE_ELASTICSEARCH_URIS", platform.elasticsearchUrl(),
                "TOPRISE_KAFKA_REPLICATION_FACTOR", "1"));
        Process started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = started.waitFor(3, TimeUnit.MINUTES);
        return new Run(ended ? started.exitValue() : -1, output);
    }

    private record Run(int exitCode, String output) {
    }
}
