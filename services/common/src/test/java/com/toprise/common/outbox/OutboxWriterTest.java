package com.toprise.common.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.toprise.schemas.catalog.CategoryIds;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.ProductUpdated;
import com.toprise.schemas.events.ProductUpdated.ProductStatus;
import com.toprise.schemas.serde.JsonSerde;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Against a MongoDB-wire server (the one the embedded platform runs), through the real driver and Spring Data. */
class OutboxWriterTest {

    @org.springframework.data.mongodb.core.mapping.Document("products")
    record Product(@Id String id, String name, BigDecimal price) {
    }

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private OutboxWriter outbox;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        mongo = new MongoTemplate(client, "products");
        outbox = new OutboxWriter(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theStateAndItsEventsAreOneDocument() {
        EventEnvelope<ProductUpdated> event = updated("p-1", "Brake pad");
        outbox.insert(new Product("p-1", "Brake pad", new BigDecimal("10.50")), event);

        Document stored = raw("p-1");
        assertThat(stored.getString("name")).isEqualTo("Brake pad");
        assertThat(outboxOf(stored)).containsExactly(event);
        assertThat(mongo.findById("p-1", Product.class)).isEqualTo(new Product("p-1", "Brake pad", new BigDecimal("10.50")));
    }

    @Test
    void aFailedWriteLeavesNeitherStateNorEvent() {
        EventEnvelope<ProductUpdated> first = updated("p-1", "Brake pad");
        outbox.insert(new Product("p-1", "Brake pad", BigDecimal.ONE), first);

        assertThatThrownBy(() -> outbox.insert(new Product("p-1", "Impostor", BigDecimal.TEN), updated("p-1", "Impostor")))
                .isInstanceOf(DuplicateKeyException.class);

        Document stored = raw("p-1");
        assertThat(stored.getString("name")).isEqualTo("Brake pad");
        assertThat(outboxOf(stored)).containsExactly(first);
    }

    @Test
    void eachWriteCarriesOnlyItsOwnEvents() {
        outbox.insert(new Product("p-2", "Disc", BigDecimal.ONE), updated("p-2", "Disc"));
        EventEnvelope<ProductUpdated> renamed = updated("p-2", "Vented disc");
        outbox.save(new Product("p-2", "Vented disc", BigDecimal.ONE), renamed);
        assertThat(outboxOf(raw("p-2"))).containsExactly(renamed);

        EventEnvelope<ProductUpdated> repriced = updated("p-2", "Vented disc");
        assertThat(outbox.update(query(where("_id").is("p-2")), new Update().set("price", BigDecimal.TEN), Product.class,
                repriced)).isTrue();
        assertThat(outboxOf(raw("p-2"))).containsExactly(repriced);
        assertThat(mongo.findById("p-2", Product.class).price()).isEqualByComparingTo("10");

        outbox.save(new Product("p-2", "Vented disc", BigDecimal.TEN));
        assertThat(outboxOf(raw("p-2"))).isEmpty();
    }

    @Test
    void anUpdateThatMatchesNothingWritesNothing() {
        assertThat(outbox.update(query(where("_id").is("missing")), new Update().set("price", 1), Product.class,
                updated("missing", "x"))).isFalse();
        assertThat(mongo.getCollection("products").countDocuments()).isZero();
    }

    @Test
    void anAggregateWithoutIdIsRefusedBeforeAnyWrite() {
        assertThatThrownBy(() -> outbox.insert(new Product(null, "No id", BigDecimal.ONE), updated("?", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no id");
        assertThat(mongo.getCollection("products").countDocuments()).isZero();
    }

    @Test
    void processedEventsRunAHandlerOncePerConsumerAndEvent() {
        ProcessedEvents processed = new ProcessedEvents(mongo);
        AtomicInteger runs = new AtomicInteger();
        assertThat(processed.handleOnce("search-indexer", "e-1", runs::incrementAndGet)).isTrue();
        assertThat(processed.handleOnce("search-indexer", "e-1", runs::incrementAndGet)).isFalse();
        assertThat(processed.handleOnce("mailer", "e-1", runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
    }

    private Document raw(String id) {
        return mongo.getCollection("products").find(new Document("_id", id)).first();
    }

    private static List<EventEnvelope<ProductUpdated>> outboxOf(Document stored) {
        JsonSerde<EventEnvelope<ProductUpdated>> serde = JsonSerde.envelopeOf(ProductUpdated.class);
        return stored.getList(OutboxWriter.FIELD, String.class).stream()
                .map(json -> serde.deserializer().deserialize("t", json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .toList();
    }

    private static EventEnvelope<ProductUpdated> updated(String id, String name) {
        return EventEnvelope.of(EventType.PRODUCT_UPDATED, id, new ProductUpdated(id, "SKU-" + id, name, "Bosch",
                "Brakes", "Pads", "Front", ProductStatus.LIVE, BigDecimal.TEN,
                CategoryIds.path("Brakes", "Pads", "Front")));
    }
}
