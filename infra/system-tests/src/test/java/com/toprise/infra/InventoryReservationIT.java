package com.toprise.infra;

import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.Dealers;
import com.toprise.infra.support.Shop;
import com.toprise.infra.support.TopicReader;
import com.toprise.infra.support.UniqueIds;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.events.InventoryLevel;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.topics.Topic;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory topology on the platform's real broker, exactly_once_v2 and its single-partition command topic:
 * stock and orders go in as the services' events would, validations and levels come out.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class InventoryReservationIT {

    /** Only a dealer the topology knows is assigned orders: this one serves the orders' pincode by its list. */
    @Test
    void twoOrdersForTheLastUnitOnTheRealBrokerExactlyOneIsConfirmed(EmbeddedPlatform platform) throws Exception {
        String sku = UniqueIds.sku();
        String dealer = new Dealers(platform).assignable("560001");
        String stockKey = Topics.inventoryKey(sku, dealer);
        String first = "o-" + UUID.randomUUID();
        String second = "o-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            send(producer, Topics.INVENTORY_CHANGED, stockKey, EventEnvelope.of(EventType.INVENTORY_CHANGED, stockKey,
                    new InventoryChanged(sku, dealer, 1, 0, 1, 1, InventoryChanged.Reason.ADJUSTMENT)));
            for (String orderId : List.of(first, second)) {
                send(producer, Topics.ORDER_CREATED, orderId, EventEnvelope.of(EventType.ORDER_CREATED, orderId,
                        new OrderCreated(orderId, "c-1", List.of(new OrderCreated.Line(sku, 1, BigDecimal.TEN, null)),
                                BigDecimal.TEN, "INR", "a-1", "560001", null)));
            }
        }

        Map<String, OrderValidated> results = new HashMap<>();
        for (EventEnvelope<OrderValidated> event : consume(platform, Topics.ORDER_VALIDATED,
                e -> e.aggregateId().equals(first) || e.aggregateId().equals(second), 2)) {
            results.put(event.aggregateId(), event.payload());
        }
        assertThat(results.get(first).result()).isEqualTo(OrderValidated.Result.CONFIRMED);
        assertThat(results.get(first).fulfilments()).extracting(FulfilmentShare::dealerId).containsExactly(dealer);
        assertThat(results.get(second).result()).isEqualTo(OrderValidated.Result.REJECTED);
        List<InventoryLevel> levels = consume(platform, Topics.INVENTORY_LEVELS, l -> l.sku().equals(sku), 2);
        assertThat(levels.get(levels.size() - 1)).isEqualTo(new InventoryLevel(sku, dealer, 1, 1, 0));
    }

    @Test
    void aStockAdjustmentThroughTheGatewayReachesTheInventoryLevels(EmbeddedPlatform platform) {
        Shop shop = new Shop(platform);
        String sku = shop.product("LIVE", "2100.00");

        assertThat(shop.stock(sku, "d-7", 12).path("onHand").asLong()).isEqualTo(12);
        assertThat(shop.adjustStock(sku, "d-7", -13, "too many").statusCode()).as("never below zero").isEqualTo(409);
        HttpResponse<String> unknown = shop.adjustStock("NO-SUCH-SKU", "d-7", 1, "x");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"sku\"");

        // outbox → Debezium → router → events.inventory-changed → InventoryLevelsTopology → inventory.levels
        List<InventoryLevel> levels = consume(platform, Topics.INVENTORY_LEVELS, l -> l.sku().equals(sku), 1);
        assertThat(levels.get(levels.size() - 1)).isEqualTo(new InventoryLevel(sku, "d-7", 12, 0, 12));
    }

    private static <V> void send(KafkaProducer<String, byte[]> producer, Topic<String, V> topic, String key, V value)
            throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value)))
                .get(20, TimeUnit.SECONDS);
    }

    /** Reads the topic from the start until {@code count} matching records came, or 60 s passed. */
    private static <V> List<V> consume(EmbeddedPlatform platform, Topic<String, V> topic, Predicate<V> matching, int count) {
        try (var reader = new TopicReader<>(platform.kafkaBootstrapServers(), topic)) {
            List<V> found = reader.read(r -> r.value() != null && matching.test(r.value()), count, Duration.ofSeconds(60))
                    .stream().map(ConsumerRecord::value).toList();
            assertThat(found).as("%d records on %s within 60 s", count, topic.name()).hasSizeGreaterThanOrEqualTo(count);
            return found;
        }
    }
}
