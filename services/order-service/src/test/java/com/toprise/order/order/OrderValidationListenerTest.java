package com.toprise.order.order;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.test.ListenerRecords;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
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
        Order order = OrderFixtures.created("o-1", "asha", OrderFixtures.T);
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
        assertThat(order.status()).isEqualTo(OrderState.CONFIRMED);
        assertThat(order.statusHistory()).extracting(StatusChange::to)
                .containsExactly(OrderState.CREATED, OrderState.CONFIRMED);
        assertThat(order.statusHistory().get(1)).isEqualTo(new StatusChange(OrderState.CREATED, OrderState.CONFIRMED,
                "SYSTEM:inventory", order.updatedAt(), null));
        assertThat(outbox()).hasSize(1).isEqualTo(outboxAfterFirst);
    }

    @Test
    void aVerdictDeliveredTwiceInOnePollMovesTheOrderOnce() {
        EventEnvelope<OrderValidated> verdict = confirmed();

        listener.onOrderValidated(List.of(record(verdict), record(verdict)));

        Order order = mongo.findById("o-1", Order.class);
        assertThat(order.statusHistory()).extracting(StatusChange::to)
                .containsExactly(OrderState.CREATED, OrderState.CONFIRMED);
        assertThat(outbox()).hasSize(1);
    }

    private ConsumerRecord<String, byte[]> record(EventEnvelope<OrderValidated> verdict) {
        return ListenerRecords.to(OrderValidationListener.class, "onOrderValidated", Topics.ORDER_VALIDATED,
                verdict.aggregateId(), verdict, offset++);
    }

    private static EventEnvelope<OrderValidated> confirmed() {
        return EventEnvelope.of(EventType.ORDER_VALIDATED, "o-1", new OrderValidated("o-1",
                OrderValidated.Result.CONFIRMED, List.of(new OrderValidated.LineOutcome("BRK-1", 2,
                        List.of(new OrderValidated.Allocation("d-1", 2)), null, 5)), List.of()));
    }

    private List<String> outbox() {
        Document document = mongo.getCollection("orders").find(new Document("_id", "o-1")).first();
        return document.getList(OutboxWriter.FIELD, String.class);
    }
}
