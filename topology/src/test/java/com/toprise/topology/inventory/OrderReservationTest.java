package com.toprise.topology.inventory;

import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.serde.JsonSerde;
import com.toprise.topology.inventory.DealerAssignment.Demand;
import com.toprise.topology.inventory.DealerAssignment.Placement;
import com.toprise.topology.inventory.OrderReservation.Held;
import com.toprise.topology.inventory.OrderReservation.Offered;
import com.toprise.topology.inventory.OrderReservation.Share;
import com.toprise.topology.inventory.OrderReservation.ShareState;
import com.toprise.topology.inventory.OrderReservation.State;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static com.toprise.topology.inventory.InventoryTopologyDriver.DELIVERY;
import static com.toprise.topology.inventory.InventoryTopologyDriver.line;
import static com.toprise.topology.inventory.InventoryTopologyDriver.orderPayload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The reservation record's transitions, without Kafka: share numbering, tried dealers, unassigned lines, ends. */
class OrderReservationTest {

    private static final Instant ACCEPT_BY = Instant.parse("2026-11-25T10:30:00Z");
    private static final List<String> PADS_PATH = List.of("brakes", "brakes-brake-pads");

    private final OrderCreated order = orderPayload("o-1", DELIVERY, line("BRK-PAD-001", 2, PADS_PATH),
            line("OIL-FLT-204", 1));

    @Test
    void aConfirmedOrderHasOneOfferedSharePerDealerNumberedFromOne() {
        Offered offered = OrderReservation.confirmed(order, List.of(
                new Placement("d-1", List.of(new FulfilmentShare.Line("BRK-PAD-001", 2))),
                new Placement("d-2", List.of(new FulfilmentShare.Line("OIL-FLT-204", 1)))), ACCEPT_BY);

        assertThat(offered.shares()).extracting(Share::fulfilmentId, Share::dealerId, Share::state)
                .containsExactly(tuple("o-1-1", "d-1", ShareState.OFFERED),
                        tuple("o-1-2", "d-2", ShareState.OFFERED));
        OrderReservation reservation = offered.next();
        assertThat(reservation.isOpen()).isTrue();
        assertThat(reservation.triedDealers()).containsExactlyInAnyOrder("d-1", "d-2");
        assertThat(reservation.sharesMade()).isEqualTo(2);
        assertThat(reservation.delivery().location()).isEqualTo(DELIVERY);
        assertThat(reservation.demands(List.of(new FulfilmentShare.Line("BRK-PAD-001", 2)))).containsExactly(
                new Demand("BRK-PAD-001", 2, PADS_PATH));
    }

    @Test
    void aReassignmentContinuesTheCountAndItsLinesNobodyTookWaitUnassigned() {
        OrderReservation reservation = OrderReservation.confirmed(order, List.of(
                new Placement("d-1", List.of(new FulfilmentShare.Line("BRK-PAD-001", 2)))), ACCEPT_BY).next()
                .moved("o-1-1", ShareState.DECLINED);

        Offered again = reservation.offer(List.of(new Placement("d-3", List.of(new FulfilmentShare.Line("BRK-PAD-001",
                1)))), ACCEPT_BY.plusSeconds(60));
        OrderReservation after = again.next().withUnassigned(List.of(new FulfilmentShare.Line("BRK-PAD-001", 1)));

        assertThat(again.shares()).extracting(Share::fulfilmentId).containsExactly("o-1-2");
        assertThat(after.triedDealers()).containsExactlyInAnyOrder("d-1", "d-3");
        assertThat(after.unassigned()).containsExactly(new FulfilmentShare.Line("BRK-PAD-001", 1));
        assertThat(after.share("o-1-1").orElseThrow().isOpen()).isFalse();
        assertThat(after.openShares()).extracting(Share::fulfilmentId).containsExactly("o-1-2");
    }

    @Test
    void aManualShareTakesOnlyUnassignedUnitsAndIsAnsweredOnce() {
        OrderReservation waiting = OrderReservation.confirmed(order, List.of(), ACCEPT_BY).next()
                .withUnassigned(List.of(new FulfilmentShare.Line("BRK-PAD-001", 2)));

        assertThat(waiting.assignable(List.of(new FulfilmentShare.Line("BRK-PAD-001", 5),
                new FulfilmentShare.Line("OIL-FLT-204", 1))))
                .containsExactly(new FulfilmentShare.Line("BRK-PAD-001", 2));
        OrderReservation refused = waiting.refused("m-1");
        assertThat(refused.answered("m-1")).isTrue();
        assertThat(refused.unassigned()).containsExactly(new FulfilmentShare.Line("BRK-PAD-001", 2));

        Offered manual = refused.offerManually("m-2", "d-7", List.of(new FulfilmentShare.Line("BRK-PAD-001", 2)),
                ACCEPT_BY);
        assertThat(manual.next().unassigned()).isEmpty();
        assertThat(manual.next().answered("m-2")).isTrue();
        assertThat(manual.next().triedDealers()).contains("d-7");
        assertThat(manual.next().sharesMade()).isZero(); // the admin named this share, not the topology
    }

    @Test
    void theOrdersEndEndsOnlyTheSharesStillOpen() {
        OrderReservation reservation = OrderReservation.confirmed(order, List.of(
                new Placement("d-1", List.of(new FulfilmentShare.Line("BRK-PAD-001", 2))),
                new Placement("d-2", List.of(new FulfilmentShare.Line("OIL-FLT-204", 1)))), ACCEPT_BY).next()
                .moved("o-1-1", ShareState.SHIPPED);

        OrderReservation cancelled = reservation.closed(State.RELEASED);

        assertThat(cancelled.isOpen()).isFalse();
        assertThat(cancelled.shares()).extracting(Share::state)
                .containsExactly(ShareState.SHIPPED, ShareState.CANCELLED);
    }

    @Test
    void aReservationStoredBeforeSharesExistedStillReads() {
        byte[] stored = ("{\"orderId\":\"o-9\",\"state\":\"RESERVED\",\"held\":[{\"sku\":\"BRK-PAD-001\","
                + "\"dealerId\":\"d-1\",\"quantity\":2}]}").getBytes(StandardCharsets.UTF_8);

        OrderReservation read = JsonSerde.of(OrderReservation.class).deserialize("changelog", stored);

        assertThat(read.held()).containsExactly(new Held("BRK-PAD-001", "d-1", 2));
        assertThat(read.shares()).isEmpty();
        assertThat(read.sharesMade()).isZero();
        assertThat(read.isOpen()).isTrue();
        OrderReservation roundTrip = JsonSerde.of(OrderReservation.class).deserialize("changelog",
                JsonSerde.of(OrderReservation.class).serialize("changelog", read));
        assertThat(roundTrip).isEqualTo(read);
    }
}
