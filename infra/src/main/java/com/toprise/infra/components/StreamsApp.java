package com.toprise.infra.components;

import com.toprise.infra.platform.PlatformComponent;
import com.toprise.infra.platform.PlatformSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka Streams topologies of topology/ ({@code TopologyApplication}) in their own JVM. Ready when the
 * consumer group of each of its applications is stable, i.e. the app has joined and owns its partitions.
 */
public final class StreamsApp extends PlatformComponent {

    private static final List<String> APPLICATION_IDS = List.of("toprise-outbox-router", "toprise-inventory-levels");

    private final String bootstrapServers;

    public StreamsApp(PlatformSettings settings, String bootstrapServers) {
        super(settings);
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public String name() {
        return "topology";
    }

    /** It listens on no port of its own. */
    @Override
    public int port() {
        return 0;
    }

    @Override
    public String address() {
        return "kafka streams: " + String.join(", ", APPLICATION_IDS);
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("TOPRISE_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "TOPRISE_STREAMS_STATE_DIR", home().resolve("state").toString());
    }

    @Override
    protected List<String> command() {
        return javaCommand("256m", "com.toprise.topology.TopologyApplication");
    }

    @Override
    public boolean isReady() {
        try (Admin admin = KafkaBroker.admin(bootstrapServers)) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(APPLICATION_IDS).all()
                    .get(5, TimeUnit.SECONDS);
            return groups.values().stream().allMatch(g -> g.groupState() == GroupState.STABLE && !g.members().isEmpty());
        } catch (Exception e) {
            return false;
        }
    }
}
