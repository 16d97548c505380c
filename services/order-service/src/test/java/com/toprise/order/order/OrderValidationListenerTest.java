package com.toprise.order.order;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.test.ListenerRecords;
import com.toprise.order.delivery.Destination;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.topics.Topics;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ORDER_VALIDATED delivered twice, in one poll or in two, moves the order once: one status change, one history
 * entry, one ORDER_STATUS_CHANGED in the outbox.
 */
class OrderValidationListenerTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private OrderValidationListener listener;
    private long offset;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "orders");
        OutboxWriter outbox = new OutboxWriter(mongo);
        listener = new OrderValidationListener(new OrderValidations(mongo, outbox));
        Instant placed = Instant.parse("2026-11-25T10:00:00Z");
        Order order = new Order("o-1", "asha", OrderStatus.CREATED, List.of(new OrderLine("BRK-1", "p-1", "Brake pad", 2,
                new BigDecimal("10.00"), new BigDecimal("20.00"), List.of(), null, null)), new BigDecimal("20.00"), "INR",
                new Destination("addr-1", "411001", "Pune", "Maharashtra"), List.of(),
                List.of(new StatusChange(OrderStatus.CREATED, placed, null)), "f", placed, placed);
        outbox.insert(order, order.createdEvent());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aVerdictRedeliveredInALaterPollChangesNothing() {
        EventEnvelope<OrderValidated> verdict = confirmed();

        listener.onOrderValidated(List.of(record(verdict)));
        List<String> outboxAfterFirst = outbox();
        listener.onOrderValidated(List.of(record(verdict)));

        Order order = mongo.findById("o-1", Order.class);
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.statusHistory()).extracting(StatusChange::status)
                .containsExactly(OrderStatus.CREATED, OrderStatus.CONFIRMED);
        assertThat(outbox()).hasSize(1).isEqualTo(outboxAfterFirst);
    }

    @Test
    void aVerdictDeliveredTwiceInOnePollMovesTheOrderOnce() {
        EventEnvelope<OrderValidated> verdict = confirmed();

        listener.onOrderValidated(List.of(record(verdict), record(verdict)));

        Order order = mongo.findById("o-1", Order.class);
        assertThat(order.statusHistory()).extracting(StatusChange::status)
                .containsExactly(OrderStatus.CREATED, OrderStatus.CONFIRMED);
        assertThat(outbox()).hasSize(1);
    }

    private ConsumerRecord<String, byte[]> record(EventEnvelope<OrderValidated> verdict) {
        return ListenerRecords.to(OrderValidationListener.class, "onOrderValidated", Topics.ORDER_VALIDATED,
                verdict.aggregateId(), verdict, offset++);
    }

    private static EventEnvelope<OrderValidated> confirmed() {
        return EventEnvelope.of(EventType.ORDER_VALIDATED, "o-1", new OrderValidated("o-1",
                OrderValidated.Result.CONFIRMED, List.of(new OrderValidated.LineOutcome("BRK-1", 2,
                        List.of(new OrderValidated.Allocation("d-1", 2)), null, 5))));
    }

    private List<String> outbox() {
        Document document = mongo.getCollection("orders").find(new Document("_id", "o-1")).first();
        return document.getList(OutboxWriter.FIELD, String.class);
    }
}
