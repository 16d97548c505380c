package com.toprise.order.catalog;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.toprise.common.events.NewestCopies;
import com.toprise.common.test.ListenerRecords;
import com.toprise.order.order.OrderProperties;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.ProductUpdated;
import com.toprise.schemas.events.ProductUpdated.ProductStatus;
import com.toprise.schemas.topics.Topics;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT_UPDATED delivered twice, or after a newer one, leaves one copy of the newest version; the copy keeps the
 * category path the event names, or the one its category names give when an older event names none.
 */
class ProductUpdatesListenerTest {

    private static final Instant T1 = Instant.parse("2026-11-25T10:00:00Z");
    private static final List<String> PATH = List.of("brakes", "brakes-pads", "brakes-pads-disc");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private KnownProducts products;
    private ProductUpdatesListener listener;
    private long offset;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "orders");
        products = new KnownProducts(mongo, new NewestCopies(mongo), new OrderProperties("INR", Duration.ofHours(24),
                Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(5)));
        listener = new ProductUpdatesListener(products);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        EventEnvelope<ProductUpdated> live = event("1499.00", T1);

        deliver(live);
        deliver(live);

        assertThat(mongo.findAll(KnownProduct.class)).containsExactly(copy("1499.00", T1));
    }

    @Test
    void anOlderEventRedeliveredAfterANewerOneDoesNotUndoIt() {
        EventEnvelope<ProductUpdated> first = event("1499.00", T1);

        deliver(first);
        deliver(event("1299.00", T1.plusSeconds(60)));
        deliver(first);

        assertThat(mongo.findAll(KnownProduct.class)).containsExactly(copy("1299.00", T1.plusSeconds(60)));
        assertThat(products.bySku(List.of("BRK-1")).get("BRK-1").price()).isEqualByComparingTo("1299.00");
    }

    @Test
    void anEventWithoutACategoryPathGetsTheOneItsCategoryNamesGive() {
        deliver(EventEnvelope.of(EventType.PRODUCT_UPDATED, "p-2", new ProductUpdated("p-2", "OIL-1", "Engine oil",
                "Castrol", "Engine Oils", "Synthetic", null, ProductStatus.LIVE, BigDecimal.TEN, null), T1));

        assertThat(products.bySku(List.of("OIL-1")).get("OIL-1").categories())
                .containsExactly("engine-oils", "engine-oils-synthetic");
    }

    private void deliver(EventEnvelope<ProductUpdated> event) {
        listener.onProductUpdated(ListenerRecords.to(ProductUpdatesListener.class, "onProductUpdated",
                Topics.PRODUCT_UPDATED, event.aggregateId(), event, offset++));
    }

    private static EventEnvelope<ProductUpdated> event(String price, Instant at) {
        return EventEnvelope.of(EventType.PRODUCT_UPDATED, "p-1", new ProductUpdated("p-1", "BRK-1", "Brake pad",
                "Bosch", "brakes", "pads", "disc", ProductStatus.LIVE, new BigDecimal(price), PATH), at);
    }

    private static KnownProduct copy(String price, Instant version) {
        return new KnownProduct("BRK-1", "p-1", "Brake pad", "Bosch", ProductStatus.LIVE, new BigDecimal(price), PATH,
                version);
    }
}
