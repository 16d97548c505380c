package com.toprise.order.fulfilment;

import com.toprise.common.web.ConflictException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.FulfilmentUpdated;
import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static com.toprise.order.fulfilment.FulfilmentFixtures.PARCEL;
import static com.toprise.order.fulfilment.FulfilmentFixtures.T;
import static com.toprise.order.fulfilment.FulfilmentFixtures.in;
import static com.toprise.order.fulfilment.FulfilmentFixtures.units;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.ACCEPTED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.CANCELLED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.DECLINED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.DELIVERED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.EXPIRED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.OFFERED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.PACKED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fulfilment without a database, like the order's OrderTest: every step from every status, allowed (to the
 * status it leads to, with its FULFILMENT_UPDATED and history) or refused with a 409 naming the current status;
 * the picklist (a line picked once, packing only when every line is), the lines' steps, and the courier's news.
 */
class FulfilmentTest {

    private static final Instant AT = T.plusSeconds(600);

    /** Each step the aggregate offers, as a function of the fulfilment. */
    private enum Step {
        ACCEPT(f -> f.accept("DEALER:d-1", AT)),
        DECLINE(f -> f.decline("DEALER:d-1", "out of stock", AT)),
        EXPIRE(f -> f.expire(AT)),
        PICK(f -> f.pick("BRK-1", AT)),
        PACK(f -> f.pack(PARCEL, "DEALER:d-1", AT)),
        SHIP(f -> f.shipped(AT)),
        DELIVER(f -> f.delivered(AT)),
        CANCEL(f -> f.cancel("SYSTEM:order", "customer changed their mind", AT)),
        BOOKED(f -> f.booked(AT)),
        BOOKING_FAILED(f -> f.bookingFailed("Borzo could not be reached", AT)),
        DELIVERY_CANCELLED(f -> f.deliveryCancelled("courier unavailable", AT));

        private final Function<Fulfilment, Transition> apply;

        Step(Function<Fulfilment, Transition> apply) {
            this.apply = apply;
        }
    }

    /** The table: from which statuses each step is allowed, and where it leads. Everything else is a 409. */
    private static final Map<Step, Map<FulfilmentStatus, FulfilmentStatus>> ALLOWED = Map.ofEntries(
            Map.entry(Step.ACCEPT, Map.of(OFFERED, ACCEPTED)),
            Map.entry(Step.DECLINE, Map.of(OFFERED, DECLINED)),
            Map.entry(Step.EXPIRE, Map.of(OFFERED, EXPIRED, ACCEPTED, EXPIRED)),
            Map.entry(Step.PICK, Map.of(ACCEPTED, ACCEPTED)),
            Map.entry(Step.PACK, Map.of(ACCEPTED, PACKED)),
            Map.entry(Step.SHIP, Map.of(PACKED, SHIPPED)),
            Map.entry(Step.DELIVER, Map.of(SHIPPED, DELIVERED)),
            Map.entry(Step.CANCEL, Map.of(OFFERED, CANCELLED, ACCEPTED, CANCELLED, PACKED, CANCELLED,
                    SHIPPED, CANCELLED)),
            Map.entry(Step.BOOKED, Map.of(PACKED, PACKED)),
            Map.entry(Step.BOOKING_FAILED, Map.of(PACKED, PACKED)),
            Map.entry(Step.DELIVERY_CANCELLED, Map.of(PACKED, PACKED, SHIPPED, PACKED)));

    static Stream<Arguments> everyStepFromEveryStatus() {
        return Arrays.stream(Step.values()).flatMap(step -> Arrays.stream(FulfilmentStatus.values())
                .map(status -> Arguments.of(step, status)));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyStepFromEveryStatus")
    void aStepIsAllowedExactlyWhereTheTableSays(Step step, FulfilmentStatus from) {
        Fulfilment before = in(from);
        FulfilmentStatus to = ALLOWED.get(step).get(from);
        if (to == null) {
            assertThatThrownBy(() -> step.apply.apply(before)).isInstanceOfSatisfying(ConflictException.class,
                    e -> {
                        assertThat(e.getMessage()).contains("is " + from);
                        assertThat(e.properties()).containsEntry("currentStatus", from.name());
                    });
            return;
        }
        Transition transition = step.apply.apply(before);
        assertThat(transition.fulfilment().status()).isEqualTo(to);
        if (to == from) {
            assertThat(transition.events()).isEmpty();
        } else {
            EventEnvelope<FulfilmentUpdated> event = transition.events().get(0);
            assertThat(transition.events()).hasSize(1);
            assertThat(event.type()).isEqualTo(EventType.FULFILMENT_UPDATED.name());
            assertThat(event.aggregateId()).isEqualTo("o-1");
            assertThat(event.payload()).extracting(FulfilmentUpdated::fulfilmentId, FulfilmentUpdated::from,
                    FulfilmentUpdated::to, FulfilmentUpdated::lines)
                    .containsExactly("o-1-1", from, to, List.of(units("BRK-1", 2)));
            FulfilmentChange last = transition.fulfilment().history().get(transition.fulfilment().history().size() - 1);
            assertThat(last.from()).isEqualTo(from);
            assertThat(last.to()).isEqualTo(to);
            assertThat(last.at()).isEqualTo(AT);
        }
    }

    @Test
    void anOfferedShareIsNobodysYetAndCausesNoEvent() {
        Fulfilment offered = FulfilmentFixtures.offered();
        assertThat(offered.status()).isEqualTo(OFFERED);
        assertThat(offered.lines()).singleElement().satisfies(line -> {
            assertThat(line.name()).isEqualTo("Part BRK-1");
            assertThat(line.status()).isNull();
            assertThat(line.steps()).isEmpty();
        });
        assertThat(offered.acceptBy()).isEqualTo(T.plusSeconds(1800));
    }

    @Test
    void theGoodsWayRecordsEveryLineStepWithItsTime() {
        Fulfilment f = FulfilmentFixtures.offered();
        f = f.accept("DEALER:d-1", T.plusSeconds(1)).fulfilment();
        f = f.pick("BRK-1", T.plusSeconds(2)).fulfilment();
        f = f.pack(PARCEL, "DEALER:d-1", T.plusSeconds(3)).fulfilment();
        f = f.shipped(T.plusSeconds(4)).fulfilment();
        f = f.delivered(T.plusSeconds(5)).fulfilment();

        assertThat(f.parcel()).isEqualTo(PARCEL);
        assertThat(f.lines().get(0).steps()).containsExactly(new LineStep(LineStatus.ASSIGNED, T.plusSeconds(1)),
                new LineStep(LineStatus.PICKED, T.plusSeconds(2)), new LineStep(LineStatus.PACKED, T.plusSeconds(3)),
                new LineStep(LineStatus.SHIPPED, T.plusSeconds(4)),
                new LineStep(LineStatus.DELIVERED, T.plusSeconds(5)));
        assertThat(f.history()).extracting(FulfilmentChange::to)
                .containsExactly(OFFERED, ACCEPTED, PACKED, SHIPPED, DELIVERED);
        assertThat(f.history()).extracting(FulfilmentChange::by)
                .containsExactly("SYSTEM:inventory", "DEALER:d-1", "DEALER:d-1", "SYSTEM:courier", "SYSTEM:courier");
    }

    @Test
    void packingWaitsForEveryLineToBePicked() {
        Fulfilment accepted = FulfilmentFixtures.offered().accept("DEALER:d-1", AT).fulfilment();
        assertThatThrownBy(() -> accepted.pack(PARCEL, "DEALER:d-1", AT))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.getMessage()).contains("BRK-1");
                    assertThat(e.properties()).containsEntry("currentStatus", "ACCEPTED");
                });
    }

    @Test
    void aLinePickedTwiceChangesNothingAndAnUnknownSkuIsNotFound() {
        Fulfilment accepted = FulfilmentFixtures.offered().accept("DEALER:d-1", AT).fulfilment();
        Fulfilment picked = accepted.pick("BRK-1", AT).fulfilment();
        Transition again = picked.pick("BRK-1", AT.plusSeconds(5));
        assertThat(again.changed(picked)).isFalse();
        assertThat(again.events()).isEmpty();
        assertThatThrownBy(() -> accepted.pick("NOPE-1", AT)).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aCancelledDeliveryOfACollectedParcelTakesItBackToPackedWithTheReason() {
        Transition back = in(SHIPPED).deliveryCancelled("courier unavailable", AT);

        assertThat(back.fulfilment().delivery().state()).isEqualTo(DeliveryBooking.State.CANCELLED);
        assertThat(back.fulfilment().delivery().note()).isEqualTo("courier unavailable");
        assertThat(back.fulfilment().lines().get(0).status()).isEqualTo(LineStatus.PACKED);
        assertThat(back.fulfilment().history()).last().satisfies(step -> {
            assertThat(step.from()).isEqualTo(SHIPPED);
            assertThat(step.reason()).contains("courier unavailable");
        });
    }

    @Test
    void aCancelledDeliveryOfAParcelStillAtTheDealerIsKeptInTheHistoryWithoutAMove() {
        Fulfilment booked = in(PACKED).booked(AT).fulfilment();
        assertThat(booked.deliveryBooked()).isTrue();
        Transition cancelled = booked.deliveryCancelled("no rider", AT.plusSeconds(1));
        assertThat(cancelled.events()).isEmpty();
        assertThat(cancelled.fulfilment().deliveryBooked()).isFalse();
        assertThat(cancelled.fulfilment().history()).last().satisfies(step -> {
            assertThat(step.from()).isEqualTo(PACKED);
            assertThat(step.to()).isEqualTo(PACKED);
            assertThat(step.reason()).contains("no rider");
        });
        cancelled.fulfilment().requireBookable();
        assertThatThrownBy(booked::requireBookable).isInstanceOf(ConflictException.class);
    }

    @Test
    void aCancellationStopsEveryLineAndEndsTheFulfilment() {
        Fulfilment twoLines = in(ACCEPTED, "o-1-1", "d-1", units("BRK-1", 2), units("OIL-5", 1));
        Fulfilment cancelled = twoLines.cancel("SYSTEM:order", "cancelled", AT).fulfilment();
        assertThat(cancelled.lines()).extracting(FulfilmentLine::status)
                .containsExactly(LineStatus.CANCELLED, LineStatus.CANCELLED);
        assertThat(cancelled.open()).isFalse();
    }

    @Test
    void endedStatusesAreNotOpen() {
        assertThat(Arrays.stream(FulfilmentStatus.values()).filter(s -> !in(s).open()))
                .containsExactlyInAnyOrder(DECLINED, EXPIRED, DELIVERED, CANCELLED);
    }

    @Test
    void aShareLineIsTheEventsLine() {
        assertThat(in(OFFERED, "o-1-1", "d-1", units("BRK-1", 2)).lines().get(0).asShareLine())
                .isEqualTo(new FulfilmentShare.Line("BRK-1", 2));
    }
}
