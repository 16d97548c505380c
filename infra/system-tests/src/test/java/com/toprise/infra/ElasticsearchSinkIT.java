package com.toprise.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.ElasticsearchDocs;
import com.toprise.infra.support.PlatformReadiness;
import com.toprise.infra.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import com.toprise.schemas.topics.Topics;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * MongoDB → Debezium → Kafka → our Elasticsearch sink → the products index, with the faults the sink must
 * survive: a Connect worker restart in a stream of 10,000 changes, Elasticsearch down for a minute, and
 * documents Elasticsearch rejects.
 */
@ExtendWith(EmbeddedPlatformExtension.class)
class ElasticsearchSinkIT {

    private static final String INDEX = "products";

    @org.springframework.data.mongodb.core.mapping.Document("products")
    record Product(@Id String id, String sku, String name, String brand, String status, BigDecimal price) {
    }

    @Test
    void aDocumentAppearsChangesAndDisappearsInElasticsearch(EmbeddedPlatform platform) {
        ElasticsearchDocs es = new ElasticsearchDocs(platform.elasticsearchUrl());
        String id = "sink-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(platform.mongoUri())) {
            MongoTemplate products = new MongoTemplate(client, "products");
            products.insert(new Product(id, "SKU-" + id, "Spark plug", "NGK", "LIVE", new BigDecimal("180.00")));
            assertThat(es.await(INDEX, id, doc -> doc.isPresent()
                    && doc.get().path("name").asString().equals("Spark plug"), Duration.ofSeconds(60))).isTrue();
            assertThat(es.source(INDEX, id).orElseThrow().path("price").decimalValue()).isEqualByComparingTo("180.00");

            products.updateFirst(query(where("_id").is(id)), new Update().set("name", "Iridium spark plug"), Product.class);
            assertThat(es.await(INDEX, id, doc -> doc.isPresent()
                    && doc.get().path("name").asString().equals("Iridium spark plug"), Duration.ofSeconds(60))).isTrue();
            assertThat(es.source(INDEX, id).orElseThrow().path("brand").asString()).isEqualTo("NGK");

            products.remove(query(where("_id").is(id)), Product.class);
            assertThat(es.await(INDEX, id, doc -> doc.isEmpty(), Duration.ofSeconds(60))).isTrue();
        }
    }

    @Test
    void aConnectWorkerRestartInAStreamOfTenThousandChangesLosesNone(EmbeddedPlatform platform) throws Exception {
        String batch = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        int documents = 2_000;
        int versions = 5;
        try (MongoClient client = MongoClients.create(platform.mongoUri())) {
            MongoCollection<Document> products = client.getDatabase("products").getCollection("products");
            Thread restarter = new Thread(() -> {
                platform.stopComponent("connect");
                platform.startComponent("connect");
            });
            for (int version = 1; version <= versions; version++) {
                for (int i = 0; i < documents; i++) {
                    String id = batch + "-" + i;
                    if (version == 1) {
                        products.insertOne(new Document("_id", id).append("sku", "SKU-" + id).append("name", batch)
                                .append("status", "LIVE").append("version", 1));
                    } else {
                        products.updateOne(Filters.eq("_id", id), Updates.set("version", version));
                    }
                }
                if (version == 2) {
                    restarter.start(); // mid-stream: 4,000 changes written, 6,000 to come while the worker restarts
                }
            }
            restarter.join();
        }
        PlatformReadiness.awaitUsable(platform); // the worker is back, and so are its connectors' tasks
        ElasticsearchDocs es = new ElasticsearchDocs(platform.elasticsearchUrl());
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        long atLastVersion = 0;
        while (System.nanoTime() < deadline && atLastVersion < documents) {
            atLastVersion = es.count(INDEX, "name:\"" + batch + "\" AND version:" + versions);
            Thread.sleep(1000);
        }
        assertThat(atLastVersion).as("documents of the batch at their last version").isEqualTo(documents);
        assertThat(es.count(INDEX, "name:\"" + batch + "\"")).isEqualTo(documents);
    }

    @Test
    void elasticsearchDownForAMinuteIsRetriedAndCaughtUp(EmbeddedPlatform platform) throws Exception {
        String batch = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        int documents = 500;
        platform.stopComponent("elasticsearch");
        long stoppedAt = System.nanoTime();
        try (MongoClient client = MongoClients.create(platform.mongoUri())) {
            MongoCollection<Document> products = client.getDatabase("products").getCollection("products");
            for (int i = 0; i < documents; i++) {
                products.insertOne(new Document("_id", batch + "-" + i).append("sku", "SKU-" + batch + "-" + i)
                        .append("name", batch).append("status", "LIVE"));
            }
        } finally {
            long remaining = Duration.ofSeconds(60).toNanos() - (System.nanoTime() - stoppedAt);
            if (remaining > 0) {
                Thread.sleep(remaining / 1_000_000);
            }
            platform.startComponent("elasticsearch");
        }
        PlatformReadiness.awaitUsable(platform); // the services' health includes Elasticsearch
        ElasticsearchDocs es = new ElasticsearchDocs(platform.elasticsearchUrl());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long indexed = 0;
        while (System.nanoTime() < deadline && indexed < documents) {
            indexed = es.count(INDEX, "name:\"" + batch + "\"");
            Thread.sleep(1000);
        }
        assertThat(indexed).isEqualTo(documents);
    }

    @Test
    void aDocumentElasticsearchRejectsGoesToTheDeadLetterTopicAndLaterOnesStillArrive(EmbeddedPlatform platform) {
        String bad = "rejected-" + UUID.randomUUID();
        String good = "after-rejected-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(platform.mongoUri());
             var deadLetters = new TopicReader<>(platform.kafkaBootstrapServers(), Topics.ELASTICSEARCH_SINK_DEAD_LETTER)) {
            MongoCollection<Document> products = client.getDatabase("products").getCollection("products");
            // price is a number in the products mapping: a word cannot be indexed
            // product-service keeps sku unique: the written documents carry their own
            products.insertOne(new Document("_id", bad).append("sku", "SKU-" + bad).append("name", "Bad price")
                    .append("price", "twelve rupees"));
            products.insertOne(new Document("_id", good).append("sku", "SKU-" + good).append("name", "Good price")
                    .append("price", 12));

            List<ConsumerRecord<String, String>> dead = deadLetters.read(r -> r.key() != null && r.key().contains(bad),
                    1, Duration.ofSeconds(60));
            assertThat(dead).hasSize(1);
            List<String> headerNames = new ArrayList<>();
            dead.get(0).headers().forEach(h -> headerNames.add(h.key()));
            assertThat(headerNames).contains("__connect.errors.topic", "__connect.errors.exception.message");
            String message = new String(dead.get(0).headers().lastHeader("__connect.errors.exception.message").value(),
                    StandardCharsets.UTF_8);
            assertThat(message).contains("price");

            ElasticsearchDocs es = new ElasticsearchDocs(platform.elasticsearchUrl());
            assertThat(es.await(INDEX, good, doc -> doc.isPresent(), Duration.ofSeconds(60))).isTrue();
            assertThat(es.source(INDEX, bad)).isEmpty();
        }
    }
}
