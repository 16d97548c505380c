package com.toprise.infra;

import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.provisioning.ConnectRestClient;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.PlatformAdmin;
import com.toprise.infra.support.PlatformReadiness;
import com.toprise.infra.support.TopicReader;
import com.toprise.infra.support.UniqueIds;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.ProductUpdated;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox end to end: product-service writes a product and its PRODUCT_UPDATED event in one document,
 * Debezium streams the write, the router topology puts the event on events.product-updated.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class OutboxIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aProductCreatedAndChangedOverRestArrivesAsProductUpdatedEvents(EmbeddedPlatform platform) throws Exception {
        String sku = UniqueIds.sku();
        try (var events = new TopicReader<>(platform.kafkaBootstrapServers(), Topics.PRODUCT_UPDATED)) {
            JsonNode created = send(platform, "POST", "/api/products", product(sku, "Brake pad", "450.00"), 201);
            String id = created.path("id").asString();
            send(platform, "PUT", "/api/products/" + id, product(sku, "Brake pad, ceramic", "520.00"), 200);

            List<ConsumerRecord<String, EventEnvelope<ProductUpdated>>> records = events.read(r -> r.key().equals(id), 2, Duration.ofSeconds(60));
            assertThat(records).hasSize(2);
            EventEnvelope<ProductUpdated> first = records.get(0).value();
            assertThat(first.type()).isEqualTo("PRODUCT_UPDATED");
            assertThat(first.aggregateId()).isEqualTo(id);
            assertThat(first.payload().name()).isEqualTo("Brake pad");
            assertThat(records.get(1).value().payload().price()).isEqualByComparingTo("520.00");
            assertThat(header(records.get(0), "eventId")).isEqualTo(first.eventId());
            assertThat(header(records.get(0), "type")).isEqualTo("PRODUCT_UPDATED");
        }
    }

    @Test
    void aRejectedWriteEmitsNoEvent(EmbeddedPlatform platform) throws Exception {
        String sku = UniqueIds.sku();
        try (var events = new TopicReader<>(platform.kafkaBootstrapServers(), Topics.PRODUCT_UPDATED)) {
            send(platform, "POST", "/api/products", product(sku, "Wiper blade", "199.00"), 201);
            send(platform, "POST", "/api/products", product(sku, "Duplicate wiper", "1.00"), 409);
            send(platform, "POST", "/api/products", product(sku + "-NEXT", "Marker", "1.00"), 201);

            List<ConsumerRecord<String, EventEnvelope<ProductUpdated>>> records = events.read(
                    r -> skuOf(r).startsWith(sku), 3, Duration.ofSeconds(30));
            assertThat(records).extracting(r -> r.value().payload().name())
                    .containsExactlyInAnyOrder("Wiper blade", "Marker"); // two products: two keys, maybe two partitions
        }
    }

    @Test
    void aStateChangeCommittedWhileTheRouterIsDownGetsItsEventOnceTheRouterIsBack(EmbeddedPlatform platform)
            throws Exception {
        String sku = UniqueIds.sku();
        try (var events = new TopicReader<>(platform.kafkaBootstrapServers(), Topics.PRODUCT_UPDATED)) {
            platform.stopComponent("topology"); // the failure: after the write, before the event is published
            String id;
            try {
                id = send(platform, "POST", "/api/products", product(sku, "Radiator cap", "310.00"), 201)
                        .path("id").asString();
                send(platform, "GET", "/api/products/" + id, "", 200);
                assertThat(events.read(r -> r.key().equals(id), 1, Duration.ofSeconds(5)))
                        .as("no event while the router is down").isEmpty();
            } finally {
                platform.startComponent("topology");
                PlatformReadiness.awaitUsable(platform);
            }
            List<ConsumerRecord<String, EventEnvelope<ProductUpdated>>> records = events.read(r -> r.key().equals(id), 1, Duration.ofSeconds(60));
            assertThat(records).as("the event once the router is back").hasSize(1);
            assertThat(events.read(r -> r.key().equals(id), 1, Duration.ofSeconds(5))).as("and only once").isEmpty();
            assertThat(records.get(0).value().payload().sku()).isEqualTo(sku);
        }
    }

    @Test
    void eachEventReachesADeduplicatingConsumerExactlyOnceAcrossAConnectorRestart(EmbeddedPlatform platform)
            throws Exception {
        String batch = UniqueIds.sku();
        int changes = 300;
        ConnectRestClient connect = new ConnectRestClient(platform.connectUrl());
        Set<String> createdIds = new HashSet<>();
        try (var events = new TopicReader<>(platform.kafkaBootstrapServers(), Topics.PRODUCT_UPDATED)) {
            Thread restarter = new Thread(() -> {
                sleep(1500);
                connect.restart("products-cdc-source");
            });
            restarter.start();
            for (int i = 0; i < changes; i++) {
                createdIds.add(send(platform, "POST", "/api/products", product(batch + "-" + i, "Part " + i, "10.00"), 201)
                        .path("id").asString());
            }
            restarter.join();
            // the connector is shared: the next test, whichever, finds it RUNNING again
            PlatformReadiness.awaitUsable(platform);

            // the de-duplicating consumer: an eventId is handled once, however often it is delivered
            Map<String, String> handled = new HashMap<>();
            int deliveries = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (handled.size() < changes && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, EventEnvelope<ProductUpdated>> record : events.read(
                        r -> skuOf(r).startsWith(batch + "-"), 1, Duration.ofSeconds(2))) {
                    deliveries++;
                    handled.putIfAbsent(header(record, "eventId"), record.key());
                }
            }
            assertThat(handled).as("one event per change").hasSize(changes);
            assertThat(new HashSet<>(handled.values())).as("each product's event, none lost").isEqualTo(createdIds);
            System.out.printf("outbox across a connector restart: %d events, %d deliveries%n", changes, deliveries);
        }
    }

    private static JsonNode send(EmbeddedPlatform platform, String method, String path, String body, int expected)
            throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(platform.serviceUrl("product-service") + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + PlatformAdmin.token(platform))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static String product(String sku, String name, String price) {
        return """
                {"sku": "%s", "name": "%s", "brand": "Bosch", "category": "Brakes", "subCategory": "Pads",
                 "type": "Front", "status": "LIVE", "price": %s}""".formatted(sku, name, price);
    }

    /** The SKU of a product's event; empty for a record without one (a tombstone of the compacted topic). */
    private static String skuOf(ConsumerRecord<String, EventEnvelope<ProductUpdated>> record) {
        return record.value() == null ? "" : record.value().payload().sku();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
