package com.toprise.order.courier;

import com.toprise.order.courier.Delivery.Milestone;
import com.toprise.order.courier.Delivery.Transition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How Borzo's delivery statuses move a delivery, in any order and any number of times, without a database. */
class DeliveryTest {

    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");
    static final DeliveryRequest REQUEST = new DeliveryRequest("o-1-1", "o-1",
            new Stop("Dealer, 12 MG Road, Bengaluru", 12.9716, 77.5946, "Ravi Parts", "+919800000001", null),
            new Stop("4 Residency Road, Bengaluru", 12.9667, 77.6009, "Asha", "+919800000002", "Gate 2"),
            1.4, BigDecimal.ZERO);

    @Test
    void aBookingTakesBorzosOrderIdTrackingLinkAndFee() {
        Delivery booked = booked();
        assertThat(booked.borzoOrderId()).isEqualTo("1001");
        assertThat(booked.trackingUrl()).isEqualTo("https://track/10011");
        assertThat(booked.quotedFee()).isEqualByComparingTo("88.50");
        assertThat(booked.fee()).isEqualByComparingTo("90.00");
        assertThat(booked.status()).isEqualTo(Delivery.PLANNED);
        assertThat(booked.open()).isTrue();
        assertThat(Delivery.booking(REQUEST, T).open()).isFalse();
    }

    @Test
    void aPickUpThenAFinishReachEachMilestoneOnce() {
        Transition pickedUp = booked().apply("parcel_picked_up", null, T.plusSeconds(60), T);
        assertThat(pickedUp.milestones()).containsExactly(Milestone.PICKED_UP);
        assertThat(pickedUp.delivery().apply("parcel_picked_up", null, T.plusSeconds(60), T).milestones()).isEmpty();
        Transition finished = pickedUp.delivery().apply("finished", null, T.plusSeconds(600), T);
        assertThat(finished.milestones()).containsExactly(Milestone.DELIVERED);
        assertThat(finished.delivery().deliveredAt()).isEqualTo(T.plusSeconds(600));
        assertThat(finished.delivery().open()).isFalse();
    }

    @Test
    void aFinishWhosePickUpWasLostReportsBoth() {
        Transition finished = booked().apply("finished", null, T.plusSeconds(600), T);
        assertThat(finished.milestones()).containsExactly(Milestone.PICKED_UP, Milestone.DELIVERED);
        assertThat(finished.delivery().pickedUpAt()).isEqualTo(T.plusSeconds(600));
    }

    @Test
    void nothingMovesADeliveryOutOfFinishedOrCanceled() {
        Delivery finished = booked().apply("finished", null, T.plusSeconds(600), T).delivery();
        Transition late = finished.apply("canceled", "late", T.plusSeconds(900), T);
        assertThat(late.milestones()).isEmpty();
        assertThat(late.delivery()).isSameAs(finished);
        Delivery canceled = booked().apply("canceled", "no courier found", T.plusSeconds(60), T).delivery();
        assertThat(canceled.cancelReason()).isEqualTo("no courier found");
        assertThat(canceled.apply("courier_assigned", null, T.plusSeconds(90), T).delivery()).isSameAs(canceled);
    }

    @Test
    void anOlderStatusArrivingLateDoesNotOverwriteANewerOne() {
        Delivery active = booked().apply("courier_departed", null, T.plusSeconds(120), T).delivery();
        Transition stale = active.apply("courier_assigned", null, T.plusSeconds(60), T);
        assertThat(stale.delivery()).isSameAs(active);
        assertThat(stale.delivery().status()).isEqualTo("courier_departed");
        Transition latePickUp = active.apply("parcel_picked_up", null, T.plusSeconds(100), T);
        assertThat(latePickUp.milestones()).containsExactly(Milestone.PICKED_UP);
        assertThat(latePickUp.delivery().status()).isEqualTo("courier_departed");
    }

    @Test
    void aCancelledOrAbandonedBookingMayBeReplacedAndRemembersItsBorzoOrder() {
        Delivery booked = booked();
        assertThat(booked.rebookable(T.plusSeconds(3600), Duration.ofMinutes(2))).isFalse();
        Delivery cancelled = booked.cancelled("order cancelled", T.plusSeconds(60));
        assertThat(cancelled.open()).isFalse();
        assertThat(cancelled.rebookable(T.plusSeconds(61), Duration.ofMinutes(2))).isTrue();
        assertThat(cancelled.rebooking(REQUEST, T.plusSeconds(61)).cancelledBorzoOrderIds()).containsExactly("1001");
        Delivery claim = Delivery.booking(REQUEST, T);
        assertThat(claim.rebookable(T.plusSeconds(60), Duration.ofMinutes(2))).isFalse();
        assertThat(claim.rebookable(T.plusSeconds(121), Duration.ofMinutes(2))).isTrue();
    }

    private static Delivery booked() {
        BorzoOrder order = new BorzoOrder("1001", "new", new BigDecimal("90.00"), new BigDecimal("90.00"), List.of(
                new BorzoOrder.Point("10010", null, "https://track/10010", null),
                new BorzoOrder.Point("10011", "o-1-1", "https://track/10011", null)));
        return Delivery.booking(REQUEST, T).booked(order, new BigDecimal("88.50"), T);
    }
}
