package com.toprise.infra.components;

import com.toprise.infra.platform.PlatformComponent;
import com.toprise.topology.inventory.InventoryLevelsTopology;
import com.toprise.infra.platform.PlatformSettings;
import com.toprise.infra.platform.Probes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka Streams topologies of topology/ ({@code TopologyApplication}) in their own JVM, with the inventory query
 * server on the {@code topology} port. Ready when the consumer group of each of its applications is stable (the app
 * has joined and owns its partitions) and the query server's {@code /health} says the inventory app is RUNNING.
 */
public final class StreamsApp extends PlatformComponent {

    private static final List<String> APPLICATION_IDS = List.of("toprise-outbox-router", InventoryLevelsTopology.APPLICATION_ID);

    private final String bootstrapServers;

    public StreamsApp(PlatformSettings settings, String bootstrapServers) {
        super(settings);
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public String name() {
        return "topology";
    }

    /** The inventory query server's: {@code GET /inventory/{sku}}, {@code GET /health}. */
    @Override
    public int port() {
        return settings.ports().topology();
    }

    @Override
    public String address() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("TOPRISE_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "TOPRISE_STREAMS_STATE_DIR", home().resolve("state").toString(),
                "TOPRISE_TOPOLOGY_HTTP_PORT", Integer.toString(port()),
                "TOPRISE_TOPOLOGY_ADVERTISED_HOST", "127.0.0.1");
    }

    @Override
    protected List<String> command() {
        return javaCommand("256m", "com.toprise.topology.TopologyApplication");
    }

    @Override
    public boolean isReady() {
        return groupsStable() && Probes.httpGet(address() + "/health").isPresent();
    }

    private boolean groupsStable() {
        try (Admin admin = KafkaBroker.admin(bootstrapServers)) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(APPLICATION_IDS).all()
                    .get(5, TimeUnit.SECONDS);
            return groups.values().stream().allMatch(g -> g.groupState() == GroupState.STABLE && !g.members().isEmpty());
        } catch (Exception e) {
            return false;
        }
    }
}
