package com.toprise.infra.bench;

import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.OrderStatusChanged;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;
import com.toprise.schemas.topics.Topic;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Follows events.order-status-changed (committed records only, from its end when the watch starts) and keeps each
 * order's verdict: CONFIRMED or REJECTED, when order-service stored it (the event's occurredAt) and when the event
 * arrived here. Also notes when each order's ORDER_CREATED (CDC and outbox router done) and ORDER_VALIDATED (the
 * inventory topology done) became readable, so the figures say which stage of the pipeline an order waited in.
 */
final class VerdictWatch implements AutoCloseable {

    private record Verdict(OrderStatus status, long decidedAtMillis, long arrivedAtMillis) {
    }

    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();
    private final Map<String, Long> createdSeenAt = new ConcurrentHashMap<>();
    private final Map<String, Long> validatedSeenAt = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread poller;
    private volatile boolean running = true;
    private volatile Consumer<String> onValidated = orderId -> { };

    VerdictWatch(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = Stream.of(Topics.ORDER_STATUS_CHANGED, Topics.ORDER_CREATED,
                        Topics.ORDER_VALIDATED).map(Topic::name).flatMap(topic -> consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now, not at the first poll
        poller = new Thread(this::poll, "verdict-watch");
        poller.start();
    }

    private void poll() {
        var serde = Topics.ORDER_STATUS_CHANGED.valueSerde().deserializer();
        var created = Topics.ORDER_CREATED.valueSerde().deserializer();
        var validated = Topics.ORDER_VALIDATED.valueSerde().deserializer();
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                long now = System.currentTimeMillis();
                if (record.topic().equals(Topics.ORDER_CREATED.name())) {
                    createdSeenAt.putIfAbsent(
                            created.deserialize(record.topic(), record.value()).payload().orderId(), now);
                    continue;
                }
                if (record.topic().equals(Topics.ORDER_VALIDATED.name())) {
                    String orderId = validated.deserialize(record.topic(), record.value()).payload().orderId();
                    if (validatedSeenAt.putIfAbsent(orderId, now) == null) {
                        onValidated.accept(orderId);
                    }
                    continue;
                }
                EventEnvelope<OrderStatusChanged> event = serde.deserialize(record.topic(), record.value());
                OrderStatus to = event.payload().to();
                if (to == OrderStatus.CONFIRMED || to == OrderStatus.REJECTED) {
                    verdicts.putIfAbsent(record.key(), new Verdict(to, event.occurredAt().toEpochMilli(), now));
                }
            }
        }
    }

    /** Tells {@code listener} (on the watch's thread, so briefly) each order whose ORDER_VALIDATED it first sees. */
    void onValidated(Consumer<String> listener) {
        this.onValidated = listener;
    }

    boolean decided(Collection<String> orderIds) {
        return verdicts.keySet().containsAll(orderIds);
    }

    /** Confirmed units per SKU of these one-unit orders. */
    Map<String, Long> confirmed(Map<String, String> skuByOrder) {
        Map<String, Long> units = new LinkedHashMap<>();
        skuByOrder.forEach((orderId, sku) -> {
            Verdict verdict = verdicts.get(orderId);
            if (verdict != null && verdict.status() == OrderStatus.CONFIRMED) {
                units.merge(sku, 1L, Long::sum);
            }
        });
        return units;
    }

    Map<String, Object> figures(Map<String, Long> sentAt, boolean drained) {
        List<Double> toConfirmed = new ArrayList<>();
        List<Double> toConfirmedEvent = new ArrayList<>();
        List<Double> toVerdict = new ArrayList<>();
        List<Double> toCreatedEvent = new ArrayList<>();
        List<Double> createdToValidated = new ArrayList<>();
        List<Double> validatedToStored = new ArrayList<>();
        long confirmed = 0;
        long rejected = 0;
        for (Map.Entry<String, Long> order : sentAt.entrySet()) {
            Verdict verdict = verdicts.get(order.getKey());
            if (verdict == null) {
                continue;
            }
            double decidedMs = verdict.decidedAtMillis() - order.getValue();
            toVerdict.add(decidedMs);
            Long createdAt = createdSeenAt.get(order.getKey());
            Long validatedAt = validatedSeenAt.get(order.getKey());
            if (createdAt != null && validatedAt != null) {
                toCreatedEvent.add((double) (createdAt - order.getValue()));
                createdToValidated.add((double) (validatedAt - createdAt));
                validatedToStored.add((double) (verdict.decidedAtMillis() - validatedAt));
            }
            if (verdict.status() == OrderStatus.CONFIRMED) {
                confirmed++;
                toConfirmed.add(decidedMs);
                toConfirmedEvent.add((double) (verdict.arrivedAtMillis() - order.getValue()));
            } else {
                rejected++;
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("ordersAccepted", sentAt.size());
        figures.put("confirmed", confirmed);
        figures.put("rejected", rejected);
        figures.put("withoutVerdict", sentAt.size() - confirmed - rejected);
        figures.put("drained", drained);
        figures.put("intakeToConfirmedMs", Stats.summary(toConfirmed));
        figures.put("intakeToConfirmedEventOnTopicMs", Stats.summary(toConfirmedEvent));
        figures.put("intakeToVerdictMs", Stats.summary(toVerdict));
        // the same path in stages, as this watch saw each event become readable (its own lag included)
        figures.put("stageIntakeToOrderCreatedEventMs", Stats.summary(toCreatedEvent));
        figures.put("stageOrderCreatedToOrderValidatedEventMs", Stats.summary(createdToValidated));
        figures.put("stageOrderValidatedToVerdictStoredMs", Stats.summary(validatedToStored));
        return figures;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5000);
        consumer.close(Duration.ofSeconds(2));
    }
}
