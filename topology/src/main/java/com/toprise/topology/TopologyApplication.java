package com.toprise.topology;

import com.toprise.topology.inventory.InventoryLevelsTopology;
import com.toprise.topology.outbox.OutboxEventRouterTopology;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs every topology of the system, each as its own Kafka Streams application (its own application.id, so each
 * scales and resets on its own). Started by the platform as the {@code topology} component; in production one
 * or more instances of this same main.
 */
public final class TopologyApplication {

    private TopologyApplication() {
    }

    /** application.id → topology. */
    static Map<String, Topology> topologies() {
        Map<String, Topology> topologies = new LinkedHashMap<>();
        topologies.put("toprise-outbox-router", OutboxEventRouterTopology.build());
        topologies.put("toprise-inventory-levels", InventoryLevelsTopology.build());
        return topologies;
    }

    public static void main(String[] args) throws InterruptedException {
        StreamsSettings settings = StreamsSettings.fromEnvironment(System.getenv());
        List<KafkaStreams> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean failed = new AtomicBoolean();
        topologies().forEach((applicationId, topology) -> {
            KafkaStreams streams = new KafkaStreams(topology, settings.properties(applicationId));
            streams.setStateListener((now, before) -> {
                System.out.println(applicationId + ": " + before + " -> " + now);
                if (now == KafkaStreams.State.ERROR) {
                    failed.set(true);
                    stopped.countDown(); // end the process, so the supervisor sees it and reports it
                }
            });
            running.add(streams);
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.forEach(s -> s.close(Duration.ofSeconds(10)));
            stopped.countDown();
        }, "topology-shutdown"));
        running.forEach(KafkaStreams::start);
        stopped.await();
        running.forEach(s -> s.close(Duration.ofSeconds(10)));
        if (failed.get()) {
            System.exit(1);
        }
    }
}
