package com.toprise.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.toprise.infra.junit.EmbeddedPlatformExtension;
import com.toprise.infra.provisioning.ConnectRestClient;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The real Debezium MongoDB connector, deployed by the platform, streaming from the embedded store. */
@ExtendWith(EmbeddedPlatformExtension.class)
class DebeziumCdcIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Document("cdc_parts")
    record Part(@Id String id, String name, int price) {
    }

    @Test
    void everyServiceDatabaseHasARunningDebeziumSource(EmbeddedPlatform platform) {
        ConnectRestClient connect = new ConnectRestClient(platform.connectUrl());
        for (String database : List.of("users", "products", "orders", "notifications")) {
            assertThat(connect.isRunning(database + "-cdc-source")).as(database).isTrue();
        }
    }

    @Test
    void insertUpdateAndDeleteThroughSpringDataBecomeDebeziumRecords(EmbeddedPlatform platform) {
        String id = "part-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(platform.mongoUri());
             var reader = TopicReader.changeStream(platform.kafkaBootstrapServers(), "products", "cdc_parts")) {
            MongoTemplate products = new MongoTemplate(client, "products");
            products.insert(new Part(id, "Oil filter", 100));
            products.updateFirst(query(where("_id").is(id)), new Update().set("price", 120), Part.class);
            products.remove(query(where("_id").is(id)), Part.class);

            List<ConsumerRecord<String, String>> records = reader.read(r -> r.key().contains(id), 4, Duration.ofSeconds(60));
            assertThat(records).hasSize(4);

            JsonNode created = JSON.readTree(records.get(0).value());
            assertThat(created.path("op").asString()).isEqualTo("c");
            assertThat(created.path("before").isNull()).isTrue();
            assertThat(JSON.readTree(created.path("after").asString()).path("name").asString()).isEqualTo("Oil filter");
            assertThat(created.path("source").path("db").asString()).isEqualTo("products");
            assertThat(created.path("source").path("collection").asString()).isEqualTo("cdc_parts");

            JsonNode updated = JSON.readTree(records.get(1).value());
            assertThat(updated.path("op").asString()).isEqualTo("u");
            JsonNode after = JSON.readTree(updated.path("after").asString());
            assertThat(after.path("price").asInt()).isEqualTo(120);
            assertThat(after.path("name").asString()).isEqualTo("Oil filter");
            assertThat(updated.path("updateDescription").path("updatedFields").asString()).contains("\"price\": 120");

            JsonNode deleted = JSON.readTree(records.get(2).value());
            assertThat(deleted.path("op").asString()).isEqualTo("d");
            assertThat(deleted.path("after").isNull()).isTrue();

            assertThat(records.get(3).value()).as("tombstone after the delete").isNull();
            assertThat(JSON.readTree(records.get(0).key()).path("id").asString()).contains(id);
        }
    }
}
