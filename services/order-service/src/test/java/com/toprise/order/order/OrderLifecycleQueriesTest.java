package com.toprise.order.order;

import com.toprise.common.access.Access;
import com.toprise.common.access.Action;
import com.toprise.common.access.Scope;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.security.AccessTokens.Identity;
import com.toprise.common.test.IndexedMongo;
import com.toprise.common.web.ConflictException;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.OrderStatusChanged;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;
import com.toprise.schemas.serde.JsonSerde;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link OrderLifecycle}'s reads and conditional writes on the indexed store: a cancellation racing another lands
 * once (one history step, one event), the loser is told the order is CANCELLED now; fulfilment reports that come
 * late or twice change nothing; a skipped state is recorded on the way; reassigned dealers are added once.
 */
class OrderLifecycleQueriesTest {

    @RegisterExtension
    static final IndexedMongo store = new IndexedMongo("orders");

    private static final JsonSerde<EventEnvelope<OrderStatusChanged>> CHANGED =
            JsonSerde.envelopeOf(OrderStatusChanged.class);
    private static final Access ASHA = new Access(new Identity("asha", "CUSTOMER"), "orders", Action.WRITE, Scope.OWN);
    private static final Access STAFF = new Access(new Identity("f-1", "FULFILLMENT_ADMIN"), "orders", Action.WRITE,
            Scope.ALL);

    private OutboxWriter outbox;
    private OrderLifecycle lifecycle;

    @BeforeEach
    void orders() {
        outbox = new OutboxWriter(store.template());
        lifecycle = new OrderLifecycle(new OrderSearch(store.template()), outbox);
        Order confirmed = OrderFixtures.in(OrderState.CONFIRMED, "o-1", "asha", OrderFixtures.T, List.of("d-1"));
        outbox.insert(confirmed, confirmed.createdEvent());
    }

    @Test
    void twoCancellationsFromTheSameReadApplyOnce() {
        Order read = store.template().findById("o-1", Order.class);
        Instant now = Instant.now();
        OrderTransition byBuyer = read.cancel(Actor.of(ASHA), "changed my mind", now);
        OrderTransition byStaff = read.cancel(Actor.of(STAFF), "fraud check", now);

        assertThat(outbox.updateEach(Order.class, List.of(byBuyer.change()))).isEqualTo(1);
        assertThat(outbox.updateEach(Order.class, List.of(byStaff.change()))).as("the order is no longer CONFIRMED")
                .isZero();

        Order stored = store.template().findById("o-1", Order.class);
        assertThat(stored.status()).isEqualTo(OrderState.CANCELLED);
        assertThat(stored.statusHistory()).extracting(StatusChange::to)
                .containsExactly(OrderState.CREATED, OrderState.CANCELLED);
        assertThat(stored.statusHistory().get(1).by()).isEqualTo("BUYER:asha");
        assertThat(outbox()).singleElement().satisfies(event -> assertThat(event.payload())
                .isEqualTo(new OrderStatusChanged("o-1", OrderStatus.CONFIRMED, OrderStatus.CANCELLED,
                        "changed my mind")));
    }

    @Test
    void concurrentCancellationsLetOneThroughAndTellTheOthersTheOrderIsCancelled() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Order>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Access caller = i % 2 == 0 ? ASHA : STAFF;
                Callable<Order> cancel = () -> lifecycle.cancel("o-1", caller, "cancel");
                answers.add(pool.submit(cancel));
            }
        } finally {
            pool.shutdown();
        }
        int cancelled = 0;
        for (Future<Order> answer : answers) {
            try {
                assertThat(answer.get().status()).isEqualTo(OrderState.CANCELLED);
                cancelled++;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOfSatisfying(ConflictException.class,
                        c -> assertThat(c.properties()).containsEntry("currentStatus", "CANCELLED"));
            }
        }

        assertThat(cancelled).isEqualTo(1);
        assertThat(store.template().findById("o-1", Order.class).statusHistory()).hasSize(2);
        assertThat(outbox()).hasSize(1);
    }

    @Test
    void aFulfilmentReportSkippingAStateRecordsBothAndItsRepeatChangesNothing() {
        Actor dealer = new Actor(Actor.Kind.DEALER, "d-1");

        assertThat(lifecycle.advance("o-1", OrderState.PACKED, dealer, "packed")).get()
                .extracting(Order::status).isEqualTo(OrderState.PACKED);
        List<String> outboxAfterFirst = store.template().getCollection("orders").find(new Document("_id", "o-1"))
                .first().getList(OutboxWriter.FIELD, String.class);

        assertThat(lifecycle.advance("o-1", OrderState.PACKED, dealer, "packed")).as("the same report again").isEmpty();
        assertThat(lifecycle.advance("o-1", OrderState.ASSIGNED, dealer, "late")).as("a report from before").isEmpty();
        assertThat(lifecycle.advance("o-9", OrderState.PACKED, dealer, "packed")).as("no such order").isEmpty();
        Order stored = store.template().findById("o-1", Order.class);
        assertThat(stored.statusHistory()).extracting(StatusChange::from, StatusChange::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(null, OrderState.CREATED),
                org.assertj.core.groups.Tuple.tuple(OrderState.CONFIRMED, OrderState.ASSIGNED),
                org.assertj.core.groups.Tuple.tuple(OrderState.ASSIGNED, OrderState.PACKED));
        assertThat(outbox()).extracting(e -> e.payload().to())
                .containsExactly(OrderStatus.ASSIGNED, OrderStatus.PACKED);
        assertThat(store.template().getCollection("orders").find(new Document("_id", "o-1")).first()
                .getList(OutboxWriter.FIELD, String.class)).isEqualTo(outboxAfterFirst);
    }

    @Test
    void reassignedDealersAreAddedOnceAndTheWriteEmitsNothingAgain() {
        lifecycle.addDealers("o-1", List.of("d-2", "d-1", "d-2"));

        assertThat(store.template().findById("o-1", Order.class).dealerIds()).containsExactly("d-1", "d-2");
        assertThat(outbox()).as("the previous write's ORDER_CREATED is not carried again").isEmpty();
        assertThat(new OrderSearch(store.template()).find("o-1",
                new Access(new Identity("d-2", "DEALER"), "orders", Action.READ, Scope.OWN))).isPresent();
    }

    @Test
    void tooLateForTheBuyerIsAConflictThatChangesNothing() {
        lifecycle.advance("o-1", OrderState.SHIPPED, Actor.system("courier"), "picked up");

        assertThatThrownBy(() -> lifecycle.cancel("o-1", ASHA, "too slow"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.properties()).containsEntry("currentStatus", "SHIPPED"));
        assertThat(store.template().findById("o-1", Order.class).status()).isEqualTo(OrderState.SHIPPED);
        assertThat(lifecycle.cancel("o-1", STAFF, "courier lost it").statusHistory()).last()
                .extracting(StatusChange::by).isEqualTo("STAFF:f-1");
    }

    private List<EventEnvelope<OrderStatusChanged>> outbox() {
        Document document = store.template().getCollection("orders").find(new Document("_id", "o-1")).first();
        return document.getList(OutboxWriter.FIELD, String.class).stream()
                .map(json -> CHANGED.deserialize("t", json.getBytes(StandardCharsets.UTF_8))).toList();
    }
}
