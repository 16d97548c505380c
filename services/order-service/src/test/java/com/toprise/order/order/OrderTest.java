package com.toprise.order.order;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.web.ConflictException;
import com.toprise.order.order.Actor.Kind;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.OrderStatusChanged;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;
import com.toprise.schemas.events.OrderValidated;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static com.toprise.order.order.OrderState.ASSIGNED;
import static com.toprise.order.order.OrderState.CANCELLED;
import static com.toprise.order.order.OrderState.CONFIRMED;
import static com.toprise.order.order.OrderState.CREATED;
import static com.toprise.order.order.OrderState.DELIVERED;
import static com.toprise.order.order.OrderState.PACKED;
import static com.toprise.order.order.OrderState.REJECTED;
import static com.toprise.order.order.OrderState.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The order's lifecycle without a database: every pair of states and every kind of actor, allowed (with the steps
 * it records) or refused with a 409 naming the current status; what each transition causes (the order after it, its
 * history, its ORDER_STATUS_CHANGED); who may cancel when; and the write a transition becomes.
 */
class OrderTest {

    private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");
    private static final Set<Kind> VERDICT = EnumSet.of(Kind.SYSTEM);
    private static final Set<Kind> FULFILMENT = EnumSet.of(Kind.DEALER, Kind.STAFF, Kind.SYSTEM);
    private static final Set<Kind> BEFORE_SHIPPING = EnumSet.of(Kind.BUYER, Kind.STAFF, Kind.SYSTEM);

    /** The table as the issue states it, written out here so that a change to OrderState's table fails this test. */
    private static final Map<OrderState, Map<OrderState, Set<Kind>>> DIRECT = Map.of(
            CREATED, Map.of(CONFIRMED, VERDICT, REJECTED, VERDICT, CANCELLED, BEFORE_SHIPPING),
            CONFIRMED, Map.of(ASSIGNED, FULFILMENT, CANCELLED, BEFORE_SHIPPING),
            ASSIGNED, Map.of(PACKED, FULFILMENT, CANCELLED, BEFORE_SHIPPING),
            PACKED, Map.of(SHIPPED, FULFILMENT, CANCELLED, BEFORE_SHIPPING),
            SHIPPED, Map.of(DELIVERED, FULFILMENT, CANCELLED, EnumSet.of(Kind.STAFF)));

    /** The ways along the goods' path that skip states, each step recorded; open to whoever drives fulfilment. */
    private static final Map<List<OrderState>, List<OrderState>> SKIPPING = Map.of(
            List.of(CONFIRMED, PACKED), List.of(ASSIGNED, PACKED),
            List.of(CONFIRMED, SHIPPED), List.of(ASSIGNED, PACKED, SHIPPED),
            List.of(CONFIRMED, DELIVERED), List.of(ASSIGNED, PACKED, SHIPPED, DELIVERED),
            List.of(ASSIGNED, SHIPPED), List.of(PACKED, SHIPPED),
            List.of(ASSIGNED, DELIVERED), List.of(PACKED, SHIPPED, DELIVERED),
            List.of(PACKED, DELIVERED), List.of(SHIPPED, DELIVERED));

    static Stream<Arguments> everyPair() {
        return Arrays.stream(OrderState.values())
                .flatMap(from -> Arrays.stream(OrderState.values()).map(to -> Arguments.of(from, to)));
    }

    static Stream<Arguments> everyPairAndActor() {
        return everyPair().flatMap(pair -> Arrays.stream(Kind.values())
                .map(kind -> Arguments.of(pair.get()[0], pair.get()[1], kind)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void theTableNamesWhoMayMakeEachDirectMove(OrderState from, OrderState to) {
        Set<Kind> expected = DIRECT.getOrDefault(from, Map.of()).getOrDefault(to, Set.of());

        assertThat(from.whoMayMoveTo(to)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1} by {2}")
    @MethodSource("everyPairAndActor")
    void everyMoveIsAllowedWithItsStepsOrRefusedWith409NamingTheCurrentStatus(OrderState from, OrderState to,
                                                                              Kind kind) {
        Order order = OrderFixtures.in(from, "o-1", "asha", OrderFixtures.T, List.of("d-1"));
        Actor by = new Actor(kind, "x-1");
        List<OrderState> expected = DIRECT.getOrDefault(from, Map.of()).getOrDefault(to, Set.of()).contains(kind)
                ? List.of(to)
                : FULFILMENT.contains(kind) ? SKIPPING.getOrDefault(List.of(from, to), List.of()) : List.of();

        if (expected.isEmpty()) {
            assertThat(order.canMoveTo(to, by)).isFalse();
            assertThatThrownBy(() -> order.moveTo(to, by, "why", AT)).isInstanceOfSatisfying(ConflictException.class,
                    e -> assertThat(e.properties()).containsEntry("currentStatus", from.name())
                            .containsEntry("requestedStatus", to.name()));
        } else {
            assertThat(order.canMoveTo(to, by)).isTrue();
            OrderTransition moved = order.moveTo(to, by, "why", AT);
            assertThat(moved.steps()).extracting(StatusChange::to).isEqualTo(expected);
            assertThat(moved.after().status()).isEqualTo(to);
        }
    }

    @Test
    void aMoveOverSeveralStepsRecordsAndAnnouncesEachOfThem() {
        Order confirmed = OrderFixtures.in(CONFIRMED, "o-1", "asha", OrderFixtures.T, List.of("d-1"));

        OrderTransition packed = confirmed.moveTo(PACKED, new Actor(Kind.DEALER, "d-1"), "picked and packed", AT);

        assertThat(packed.steps()).containsExactly(
                new StatusChange(CONFIRMED, ASSIGNED, "DEALER:d-1", AT, "picked and packed"),
                new StatusChange(ASSIGNED, PACKED, "DEALER:d-1", AT, "picked and packed"));
        assertThat(packed.after().statusHistory()).hasSize(confirmed.statusHistory().size() + 2)
                .endsWith(packed.steps().toArray(StatusChange[]::new));
        assertThat(packed.after().updatedAt()).isEqualTo(AT);
        assertThat(packed.events()).extracting(EventEnvelope::payload).containsExactly(
                new OrderStatusChanged("o-1", OrderStatus.CONFIRMED, OrderStatus.ASSIGNED, "picked and packed"),
                new OrderStatusChanged("o-1", OrderStatus.ASSIGNED, OrderStatus.PACKED, "picked and packed"));
        assertThat(packed.events()).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(EventType.ORDER_STATUS_CHANGED.name());
            assertThat(e.aggregateId()).isEqualTo("o-1");
        });
    }

    @Test
    void aConfirmationRecordsTheAllocationsAndAddsTheirDealers() {
        Order created = OrderFixtures.created("o-1", "asha", OrderFixtures.T);
        OrderValidated verdict = new OrderValidated("o-1", OrderValidated.Result.CONFIRMED, List.of(
                new OrderValidated.LineOutcome("BRK-1", 2, List.of(new OrderValidated.Allocation("d-2", 1),
                        new OrderValidated.Allocation("d-1", 1)), null, 9)),
                List.of(new FulfilmentShare("o-1-1", "d-2", List.of(new FulfilmentShare.Line("BRK-1", 1)), AT),
                        new FulfilmentShare("o-1-2", "d-1", List.of(new FulfilmentShare.Line("BRK-1", 1)), AT)));

        OrderTransition confirmed = created.confirm(verdict, AT);

        assertThat(confirmed.after().status()).isEqualTo(CONFIRMED);
        assertThat(confirmed.after().dealerIds()).containsExactly("d-1", "d-2");
        assertThat(confirmed.after().lines().get(0).allocations()).hasSize(2);
        assertThat(confirmed.after().lines().get(0).categories()).isEqualTo(created.lines().get(0).categories());
        assertThat(confirmed.steps()).containsExactly(new StatusChange(CREATED, CONFIRMED, "SYSTEM:inventory", AT,
                null));
        assertThat(confirmed.events()).extracting(EventEnvelope::payload).containsExactly(
                new OrderStatusChanged("o-1", OrderStatus.CREATED, OrderStatus.CONFIRMED, null));
    }

    @Test
    void aRejectionNamesEachRefusedLineAndHoldsNoDealer() {
        Order created = OrderFixtures.created("o-1", "asha", OrderFixtures.T);
        OrderValidated verdict = new OrderValidated("o-1", OrderValidated.Result.REJECTED, List.of(
                new OrderValidated.LineOutcome("BRK-1", 2, List.of(), OrderValidated.Rejection.NO_ELIGIBLE_DEALER, 0)),
                List.of());

        OrderTransition rejected = created.reject(verdict, AT);

        assertThat(rejected.after().status()).isEqualTo(REJECTED);
        assertThat(rejected.after().dealerIds()).isEmpty();
        assertThat(rejected.after().lines().get(0).rejection()).isEqualTo(OrderValidated.Rejection.NO_ELIGIBLE_DEALER);
        assertThat(rejected.events()).extracting(EventEnvelope::payload).containsExactly(new OrderStatusChanged("o-1",
                OrderStatus.CREATED, OrderStatus.REJECTED, "BRK-1: NO_ELIGIBLE_DEALER (0 available)"));
        Order decided = OrderFixtures.in(CONFIRMED, "o-1", "asha", AT, List.of());
        assertThatThrownBy(() -> decided.reject(verdict, AT)).as("a verdict is for a CREATED order only")
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.properties()).containsEntry("currentStatus", "CONFIRMED"));
    }

    @ParameterizedTest(name = "cancel a {0} order")
    @MethodSource("states")
    void aBuyerCancelsUntilShippedAndStaffUntilDelivered(OrderState from) {
        Order order = OrderFixtures.in(from, "o-1", "asha", OrderFixtures.T, List.of("d-1"));
        Set<OrderState> buyerMay = EnumSet.of(CREATED, CONFIRMED, ASSIGNED, PACKED);
        Set<OrderState> staffMay = EnumSet.of(CREATED, CONFIRMED, ASSIGNED, PACKED, SHIPPED);

        assertCancels(order, new Actor(Kind.BUYER, "asha"), buyerMay.contains(from));
        assertCancels(order, new Actor(Kind.STAFF, "f-1"), staffMay.contains(from));
        assertCancels(order, new Actor(Kind.DEALER, "d-1"), false);
    }

    static Stream<OrderState> states() {
        return Arrays.stream(OrderState.values());
    }

    @Test
    void aCancellationIsRecordedWithWhoAndWhyAndAnnounced() {
        Order packed = OrderFixtures.in(PACKED, "o-1", "asha", OrderFixtures.T, List.of("d-1"));

        OrderTransition cancelled = packed.cancel(new Actor(Kind.BUYER, "asha"), "ordered the wrong size", AT);

        assertThat(cancelled.after().status()).isEqualTo(CANCELLED);
        assertThat(cancelled.after().dealerIds()).as("the dealers still see what they had").containsExactly("d-1");
        assertThat(cancelled.steps()).containsExactly(
                new StatusChange(PACKED, CANCELLED, "BUYER:asha", AT, "ordered the wrong size"));
        assertThat(cancelled.events()).extracting(EventEnvelope::payload).containsExactly(
                new OrderStatusChanged("o-1", OrderStatus.PACKED, OrderStatus.CANCELLED, "ordered the wrong size"));
        assertThatThrownBy(() -> cancelled.after().cancel(new Actor(Kind.STAFF, "f-1"), "again", AT))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("CANCELLED"));
    }

    @Test
    void aTransitionIsWrittenOnlyWhileTheOrderIsStillInTheStateItWasReadIn() {
        Order confirmed = OrderFixtures.in(CONFIRMED, "o-1", "asha", OrderFixtures.T, List.of("d-1"));

        OrderTransition assigned = confirmed.moveTo(ASSIGNED, Actor.system("fulfilment"), null, AT);

        OutboxWriter.Change change = assigned.change();
        assertThat(change.query().getQueryObject()).isEqualTo(new Document("_id", "o-1").append("status", CONFIRMED));
        Document update = change.update().getUpdateObject();
        assertThat(update.get("$set", Document.class)).containsEntry("status", ASSIGNED).containsEntry("updatedAt", AT)
                .doesNotContainKey("lines");
        assertThat(update).containsKey("$push").doesNotContainKey("$addToSet");
        assertThat(change.events()).hasSize(1);
    }

    @Test
    void theEventStatusOfEveryStateIsTheSameName() {
        for (OrderState state : OrderState.values()) {
            assertThat(state.asEventStatus().name()).isEqualTo(state.name());
        }
    }

    private static void assertCancels(Order order, Actor by, boolean allowed) {
        if (allowed) {
            assertThat(order.cancel(by, "changed my mind", AT).after().status()).isEqualTo(CANCELLED);
        } else {
            assertThatThrownBy(() -> order.cancel(by, "changed my mind", AT))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.properties())
                            .containsEntry("currentStatus", order.status().name()));
        }
    }
}
