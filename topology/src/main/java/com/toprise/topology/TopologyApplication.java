package com.toprise.topology;

import com.toprise.topology.inventory.InventoryLevelsTopology;
import com.toprise.topology.inventory.InventoryQueryServer;
import com.toprise.topology.outbox.OutboxEventRouterTopology;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the system's two topologies, {@code toprise-outbox-router} ({@link OutboxEventRouterTopology}) and
 * {@code toprise-inventory-levels} ({@link InventoryLevelsTopology}), each as its own Kafka Streams application (its
 * own application.id, so each scales and resets on its own), and, when {@code TOPRISE_TOPOLOGY_HTTP_PORT} is set,
 * the {@link InventoryQueryServer} over the inventory store. Started by the platform as the {@code topology}
 * component; the process exits with 1 when a topology fails.
 */
public final class TopologyApplication {

    private TopologyApplication() {
    }

    /** application.id → topology. */
    static Map<String, Topology> topologies(StreamsSettings settings) {
        Map<String, Topology> topologies = new LinkedHashMap<>();
        topologies.put("toprise-outbox-router", OutboxEventRouterTopology.build());
        topologies.put(InventoryLevelsTopology.APPLICATION_ID, InventoryLevelsTopology.build(settings.acceptanceTime(),
                settings.acceptanceCheckInterval()));
        return topologies;
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        StreamsSettings settings = StreamsSettings.fromEnvironment(System.getenv());
        Map<String, KafkaStreams> running = new LinkedHashMap<>();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean failed = new AtomicBoolean();
        topologies(settings).forEach((applicationId, topology) -> {
            boolean queryable = applicationId.equals(InventoryLevelsTopology.APPLICATION_ID);
            KafkaStreams streams = new KafkaStreams(topology,
                    queryable ? settings.queryableProperties(applicationId) : settings.properties(applicationId));
            streams.setStateListener((now, before) -> {
                System.out.println(applicationId + ": " + before + " -> " + now);
                if (now == KafkaStreams.State.ERROR) {
                    failed.set(true);
                    stopped.countDown(); // end the process, so the supervisor sees it and reports it
                }
            });
            running.put(applicationId, streams);
        });
        // up before the streams: it answers 503 until the store is queryable, and a taken port fails the start now
        HostInfo queryHost = settings.queryHost().orElse(null);
        InventoryQueryServer queries = queryHost == null ? null
                : InventoryQueryServer.start(running.get(InventoryLevelsTopology.APPLICATION_ID), queryHost);
        if (queries != null) {
            System.out.println("inventory queries on http://" + queryHost.host() + ":" + queries.port());
        }
        Runnable stop = () -> {
            if (queries != null) {
                queries.close();
            }
            running.values().forEach(s -> s.close(Duration.ofSeconds(10)));
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "topology-shutdown"));
        running.values().forEach(KafkaStreams::start);
        stopped.await();
        stop.run();
        if (failed.get()) {
            System.exit(1);
        }
    }
}
