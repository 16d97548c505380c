package com.toprise.topology.outbox;

import com.toprise.schemas.catalog.CategoryIds;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.ProductUpdated;
import com.toprise.schemas.events.ProductUpdated.ProductStatus;
import com.toprise.schemas.events.UserCreated;
import com.toprise.schemas.serde.Json;
import com.toprise.schemas.topics.Topic;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxEventRouterTopologyTest {

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> productChanges;
    private TestOutputTopic<String, String> productUpdated;
    private TestOutputTopic<String, String> userCreated;
    private TestOutputTopic<String, String> deadLetters;

    @BeforeEach
    void setUp() {
        driver = new TopologyTestDriver(OutboxEventRouterTopology.build());
        productChanges = driver.createInputTopic("cdc.products.products", new StringSerializer(), new StringSerializer());
        productUpdated = output(Topics.PRODUCT_UPDATED);
        userCreated = output(Topics.USER_CREATED);
        deadLetters = output(Topics.OUTBOX_DEAD_LETTER);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void anInsertRoutesEachOutboxEntryToItsTypesTopicKeyedByAggregateWithHeaders() {
        String event = envelope("p-1", "Brake pad");
        productChanges.pipeInput("{\"id\":\"\\\"p-1\\\"\"}", change("c", document("p-1", List.of(event)), null));

        TestRecord<String, String> routed = productUpdated.readRecord();
        assertThat(routed.key()).isEqualTo("p-1");
        assertThat(routed.value()).isEqualTo(event);
        assertThat(header(routed, "eventId")).isEqualTo(Json.MAPPER.readTree(event).path("eventId").asString());
        assertThat(header(routed, "type")).isEqualTo("PRODUCT_UPDATED");
        assertThat(productUpdated.isEmpty()).isTrue();
        assertThat(userCreated.isEmpty()).isTrue();
    }

    @Test
    void anOperatorUpdateRoutesOnlyTheEntriesThatUpdateSet() {
        String old = envelope("p-1", "old");
        String fresh = envelope("p-1", "new");
        String after = document("p-1", List.of(fresh));
        productChanges.pipeInput("k", change("u", after, Map.of("outbox", List.of(fresh), "name", "new")));
        productChanges.pipeInput("k", change("u", document("p-1", List.of(old)), Map.of("price", 12)));

        assertThat(productUpdated.readValuesToList()).containsExactly(fresh);
    }

    @Test
    void aReplaceRoutesTheOutboxOfTheNewDocument() {
        String event = envelope("p-2", "Disc");
        productChanges.pipeInput("k", change("u", document("p-2", List.of(event)), null));
        assertThat(productUpdated.readValuesToList()).containsExactly(event);
    }

    @Test
    void snapshotReadsDeletesTombstonesAndDocumentsWithoutOutboxEmitNothing() {
        String event = envelope("p-3", "Clutch");
        productChanges.pipeInput("k", change("r", document("p-3", List.of(event)), null));
        productChanges.pipeInput("k", change("d", null, null));
        productChanges.pipeInput("k", (String) null);
        productChanges.pipeInput("k", change("c", "{\"_id\": \"x\", \"name\": \"no outbox\"}", null));
        assertThat(productUpdated.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aSeveralEventWriteRoutesEveryEventToItsOwnTopic() {
        String product = envelope("p-4", "Horn");
        String user = Json.MAPPER.writeValueAsString(EventEnvelope.of(EventType.USER_CREATED, "u-1",
                new UserCreated("u-1", "a@example.com", "A", null, UserCreated.Role.CUSTOMER, java.time.Instant.now())));
        productChanges.pipeInput("k", change("c", document("p-4", List.of(product, user)), null));
        assertThat(productUpdated.readValuesToList()).containsExactly(product);
        assertThat(userCreated.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("u-1");
    }

    @Test
    void unroutableEntriesGoToTheDeadLetterTopicWithTheReasonAndLaterOnesStillFlow() {
        String unknownType = "{\"eventId\":\"e-1\",\"type\":\"NO_SUCH_EVENT\",\"aggregateId\":\"a\",\"payload\":{}}";
        productChanges.pipeInput("k1", change("c", document("p-5", List.of(unknownType)), null));
        productChanges.pipeInput("k2", "not json at all");
        String good = envelope("p-6", "Mirror");
        productChanges.pipeInput("k3", change("c", document("p-6", List.of(good)), null));

        List<TestRecord<String, String>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(header(dead.get(0), "error")).contains("unknown event type 'NO_SUCH_EVENT'");
        assertThat(dead.get(0).value()).isEqualTo(unknownType);
        assertThat(header(dead.get(1), "error")).contains("not JSON");
        assertThat(dead.get(1).key()).isEqualTo("k2");
        assertThat(productUpdated.readValuesToList()).containsExactly(good);
    }

    /** A registry topic read as text, not with its serde: the router must pass each envelope on byte for byte. */
    private TestOutputTopic<String, String> output(Topic<String, ?> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), new StringDeserializer());
    }

    private static String envelope(String productId, String name) {
        return Json.MAPPER.writeValueAsString(EventEnvelope.of(EventType.PRODUCT_UPDATED, productId,
                new ProductUpdated(productId, "SKU-" + productId, name, "Bosch", "Brakes", "Pads", "Front",
                        ProductStatus.LIVE, new BigDecimal("12.50"), CategoryIds.path("Brakes", "Pads", "Front"))));
    }

    /** The document as Debezium gives it: extended JSON in a string. */
    private static String document(String id, List<String> outbox) {
        return Json.MAPPER.writeValueAsString(Map.of("_id", id, "name", "n", "outbox", outbox));
    }

    private static String change(String op, String after, Map<String, Object> updatedFields) {
        var change = new java.util.LinkedHashMap<String, Object>();
        change.put("before", null);
        change.put("after", after);
        change.put("updateDescription", updatedFields == null ? null : Map.of(
                "removedFields", List.of(), "updatedFields", Json.MAPPER.writeValueAsString(updatedFields)));
        change.put("op", op);
        change.put("source", Map.of("db", "products", "collection", "products"));
        return Json.MAPPER.writeValueAsString(change);
    }

    private static String header(TestRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
