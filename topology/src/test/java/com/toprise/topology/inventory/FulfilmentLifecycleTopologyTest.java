package com.toprise.topology.inventory;

import com.toprise.schemas.events.DealerUpdated;
import com.toprise.schemas.events.FulfilmentReassigned;
import com.toprise.schemas.events.FulfilmentReassigned.Cause;
import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;
import com.toprise.schemas.events.InventoryChanged.Reason;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.events.OrderValidated.Rejection;
import com.toprise.schemas.events.OrderValidated.Result;
import com.toprise.schemas.geo.GeoPoint;
import com.toprise.topology.inventory.InventoryTopologyDriver.StockFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.toprise.topology.inventory.InventoryTopologyDriver.ACCEPTANCE_TIME;
import static com.toprise.topology.inventory.InventoryTopologyDriver.DELIVERY;
import static com.toprise.topology.inventory.InventoryTopologyDriver.PINCODE;
import static com.toprise.topology.inventory.InventoryTopologyDriver.T0;
import static com.toprise.topology.inventory.InventoryTopologyDriver.dealer;
import static com.toprise.topology.inventory.InventoryTopologyDriver.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The dealer assignment end to end through the topics: an order's shares by the rule, then each share's way (accepted,
 * declined, expired, shipped, cancelled, assigned by hand), every move at most once.
 */
class FulfilmentLifecycleTopologyTest {

    private static final String PADS = "BRK-PAD-001";
    private static final String FILTER = "OIL-FLT-204";
    private static final List<String> BRAKE_PADS = List.of("brakes", "brakes-brake-pads");

    private InventoryTopologyDriver topology;

    @BeforeEach
    void setUp() {
        topology = new InventoryTopologyDriver();
        // three eligible dealers 2, 6 and 15 km from the delivery, and two nearer ones that are not eligible
        topology.dealer(located("d-near", 2, true, "brakes-brake-pads"));
        topology.dealer(located("d-mid", 6, true, "brakes"));
        topology.dealer(located("d-far", 15, true, "brakes-brake-pads"));
        topology.dealer(located("d-engines", 1, true, "engine"));
        topology.dealer(located("d-closed", 1, false, "brakes-brake-pads"));
        for (String dealerId : List.of("d-near", "d-mid", "d-far", "d-engines", "d-closed")) {
            topology.stock(PADS, dealerId, 5);
        }
    }

    @AfterEach
    void tearDown() {
        topology.close();
    }

    @Test
    void anOrderGoesToTheNearestEligibleDealerAsOneShareWithAnAcceptanceDeadline() {
        topology.order("o-1", line(PADS, 2, BRAKE_PADS));

        OrderValidated verdict = only(topology.verdicts());
        assertThat(verdict.result()).isEqualTo(Result.CONFIRMED);
        assertThat(verdict.fulfilments()).containsExactly(new FulfilmentShare("o-1-1", "d-near",
                List.of(new FulfilmentShare.Line(PADS, 2)), T0.plus(ACCEPTANCE_TIME)));
        assertThat(topology.level(PADS, "d-near")).isEqualTo(new StockFigures(5, 2, 3));
        assertThat(topology.level(PADS, "d-engines")).isEqualTo(new StockFigures(5, 0, 5));
        assertThat(topology.openFulfilments("d-near")).isEqualTo(1);
        assertThat(topology.reasons()).containsExactly(Reason.RESERVED);
    }

    @Test
    void anOrderNoEligibleDealerCanTakeIsRejectedWithThatReason() {
        topology.order("o-1", line(PADS, 1, List.of("suspension")));

        OrderValidated verdict = only(topology.verdicts());
        assertThat(verdict.result()).isEqualTo(Result.REJECTED);
        assertThat(verdict.lines().get(0).rejection()).isEqualTo(Rejection.NO_ELIGIBLE_DEALER);
        assertThat(verdict.fulfilments()).isEmpty();
        assertThat(topology.reasons()).isEmpty();
    }

    @Test
    void aDeclineMovesTheLinesToTheNextDealerExactlyOnceAndTheLastDeclineLeavesThemUnassigned() {
        topology.order("o-1", line(PADS, 2, BRAKE_PADS));
        topology.reasons();

        topology.share("o-1", "o-1-1", "d-near", FulfilmentStatus.OFFERED, FulfilmentStatus.DECLINED);
        topology.share("o-1", "o-1-1", "d-near", FulfilmentStatus.OFFERED, FulfilmentStatus.DECLINED); // redelivered

        FulfilmentReassigned moved = only(topology.reassigned());
        assertThat(moved.cause()).isEqualTo(Cause.DECLINED);
        assertThat(moved.replacedFulfilmentId()).isEqualTo("o-1-1");
        assertThat(moved.dealerId()).isEqualTo("d-near");
        assertThat(moved.shares()).containsExactly(new FulfilmentShare("o-1-2", "d-mid",
                List.of(new FulfilmentShare.Line(PADS, 2)), T0.plus(ACCEPTANCE_TIME)));
        assertThat(moved.unassigned()).isEmpty();
        assertThat(topology.reasons()).containsExactly(Reason.RELEASED, Reason.RESERVED);
        assertThat(topology.level(PADS, "d-near")).isEqualTo(new StockFigures(5, 0, 5));
        assertThat(topology.level(PADS, "d-mid")).isEqualTo(new StockFigures(5, 2, 3));
        assertThat(topology.openFulfilments("d-near")).isZero();
        assertThat(topology.openFulfilments("d-mid")).isEqualTo(1);

        topology.share("o-1", "o-1-2", "d-mid", FulfilmentStatus.OFFERED, FulfilmentStatus.DECLINED);
        topology.share("o-1", "o-1-3", "d-far", FulfilmentStatus.OFFERED, FulfilmentStatus.DECLINED);

        List<FulfilmentReassigned> later = topology.reassigned();
        assertThat(later).extracting(r -> r.shares().stream().map(FulfilmentShare::fulfilmentId).toList())
                .containsExactly(List.of("o-1-3"), List.of()); // nobody untried is left after d-far
        assertThat(later.get(1).unassigned()).containsExactly(new FulfilmentShare.Line(PADS, 2));
        assertThat(List.of("d-near", "d-mid", "d-far")).allSatisfy(dealerId ->
                assertThat(topology.level(PADS, dealerId)).isEqualTo(new StockFigures(5, 0, 5)));
    }

    @Test
    void aShareNotAcceptedInTimeIsReassignedOnceWhenTheWallClockPassesItsDeadline() {
        topology.order("o-1", line(PADS, 2, BRAKE_PADS));

        topology.advance(ACCEPTANCE_TIME.minusMinutes(1));
        assertThat(topology.reassigned()).isEmpty();

        topology.advance(Duration.ofMinutes(2));
        FulfilmentReassigned expired = only(topology.reassigned());
        assertThat(expired.cause()).isEqualTo(Cause.ACCEPTANCE_TIMEOUT);
        assertThat(expired.replacedFulfilmentId()).isEqualTo("o-1-1");
        assertThat(expired.shares()).extracting(FulfilmentShare::fulfilmentId, FulfilmentShare::dealerId)
                .containsExactly(tuple("o-1-2", "d-mid"));
        assertThat(expired.shares().get(0).acceptBy()).isEqualTo(topology.now().plus(ACCEPTANCE_TIME));
        assertThat(topology.level(PADS, "d-near")).isEqualTo(new StockFigures(5, 0, 5));
        assertThat(topology.level(PADS, "d-mid")).isEqualTo(new StockFigures(5, 2, 3));

        topology.advance(Duration.ofSeconds(10));
        // the first dealer's answers now come too late: its share has expired and moved on
        topology.share("o-1", "o-1-1", "d-near", FulfilmentStatus.OFFERED, FulfilmentStatus.DECLINED);
        topology.share("o-1", "o-1-1", "d-near", FulfilmentStatus.OFFERED, FulfilmentStatus.ACCEPTED);
        topology.advance(Duration.ofSeconds(10));
        assertThat(topology.reassigned()).isEmpty();
        assertThat(topology.level(PADS, "d-mid")).isEqualTo(new StockFigures(5, 2, 3));
        assertThat(topology.openFulfilments("d-near")).isZero();
    }

    @Test
    void anAcceptedShareDoesNotExpire() {
        topology.order("o-1", line(PADS, 2, BRAKE_PADS));
        topology.share("o-1", "o-1-1", "d-near", FulfilmentStatus.OFFERED, FulfilmentStatus.ACCEPTED);

        topology.advance(ACCEPTANCE_TIME.plusMinutes(5));

        assertThat(topology.reassigned()).isEmpty();
        assertThat(topology.level(PADS, "d-near")).isEqualTo(new StockFigures(5, 2, 3));
        assertThat(topology.openFulfilments("d-near")).isEqualTo(1);
    }

    @Test
    void cancellingTheOrderReleasesEveryShareAndStopsTheirClocks() {
        topology.stock(FILTER, "d-far", 3);
        topology.order("o-1", line(PADS, 2, BRAKE_PADS), line(FILTER, 1, null));
        assertThat(only(topology.verdicts()).fulfilments()).extracting(FulfilmentShare::dealerId)
                .containsExactly("d-near", "d-far");

        topology.status("o-1", OrderStatus.CANCELLED);
        topology.advance(ACCEPTANCE_TIME.plusMinutes(1));

        assertThat(topology.reassigned()).isEmpty();
        assertThat(topology.level(PADS, "d-near")).isEqualTo(new StockFigures(5, 0, 5));
        assertThat(topology.level(FILTER, "d-far")).isEqualTo(new StockFigures(3, 0, 3));
        assertThat(topology.reasons()).containsExactly(Reason.RESERVED, Reason.RESERVED, Reason.RELEASED,
                Reason.RELEASED);
        assertThat(topology.openFulfilments("d-near")).isZero();
        assertThat(topology.openFulfilments("d-far")).isZero();
    }

    @Test
    void aCancelledShareReleasesOnlyItsOwnUnits() {
        topology.stock(FILTER, "d-far", 3);
        topology.order("o-1", line(PADS, 2, BRAKE_PADS), line(FILTER, 1, null));

        topology.share("o-1", "o-1-2", "d-far", FulfilmentStatus.ACCEPTED, FulfilmentStatus.CANCELLED);
        topology.share("o-1", "o-1-2", "d-far", FulfilmentStatus.ACCEPTED, FulfilmentStatus.CANCELLED);

        assertThat(topology.level(FILTER, "d-far")).isEqualTo(new StockFigures(3, 0, 3));
        assertThat(topology.level(PADS, "d-near")).isEqualTo(new StockFigures(5, 2, 3));
        assertThat(topology.reasons()).containsExactly(Reason.RESERVED, Reason.RESERVED, Reason.RELEASED);
        assertThat(topology.reassigned()).isEmpty();
    }

    @Test
    void aShippedShareLeavesTheShelfOnceAndTheOrdersShipmentShipsOnlyTheRest() {
        topology.stock(FILTER, "d-far", 3);
        topology.order("o-1", line(PADS, 2, BRAKE_PADS), line(FILTER, 1, null));
        topology.share("o-1", "o-1-1", "d-near", FulfilmentStatus.OFFERED, FulfilmentStatus.ACCEPTED);

        topology.share("o-1", "o-1-1", "d-near", FulfilmentStatus.PACKED, FulfilmentStatus.SHIPPED);
        topology.share("o-1", "o-1-1", "d-near", FulfilmentStatus.PACKED, FulfilmentStatus.SHIPPED);
        assertThat(topology.level(PADS, "d-near")).isEqualTo(new StockFigures(3, 0, 3));
        assertThat(topology.level(FILTER, "d-far")).isEqualTo(new StockFigures(3, 1, 2));
        assertThat(topology.openFulfilments("d-near")).isZero();

        topology.status("o-1", OrderStatus.SHIPPED);
        assertThat(topology.level(PADS, "d-near")).isEqualTo(new StockFigures(3, 0, 3));
        assertThat(topology.level(FILTER, "d-far")).isEqualTo(new StockFigures(2, 0, 2));
        assertThat(topology.reasons()).containsExactly(Reason.RESERVED, Reason.RESERVED, Reason.SHIPPED,
                Reason.SHIPPED);
    }

    @Test
    void fulfilmentAdminAssignsUnassignedLinesToADealerThatHasTheUnitsOnce() {
        topology.stock(FILTER, "d-far", 1);
        topology.stock(FILTER, "d-mid", 4);
        topology.dealer(located("d-mid", 6, false, "brakes")); // off for now: d-far is the only one for filters
        topology.order("o-1", line(FILTER, 1, null));
        topology.share("o-1", "o-1-1", "d-far", FulfilmentStatus.OFFERED, FulfilmentStatus.DECLINED);
        assertThat(only(topology.reassigned()).unassigned()).containsExactly(new FulfilmentShare.Line(FILTER, 1));
        topology.reasons();

        topology.stock(FILTER, "d-near", 0);
        topology.assignManually("o-1", "o-1-m1", "d-near", new FulfilmentShare.Line(FILTER, 1)); // has none
        topology.assignManually("o-1", "o-1-m1", "d-near", new FulfilmentShare.Line(FILTER, 1)); // redelivered
        topology.assignManually("o-1", "o-1-m2", "d-mid", new FulfilmentShare.Line(FILTER, 1)); // the admin's pick
        topology.assignManually("o-1", "o-1-m2", "d-mid", new FulfilmentShare.Line(FILTER, 1));
        topology.assignManually("o-1", "o-1-m3", "d-far", new FulfilmentShare.Line(FILTER, 1)); // nothing left

        List<FulfilmentReassigned> answers = topology.reassigned();
        assertThat(answers).hasSize(2).allSatisfy(a -> assertThat(a.cause()).isEqualTo(Cause.MANUAL));
        assertThat(answers.get(0).shares()).isEmpty();
        assertThat(answers.get(0).unassigned()).containsExactly(new FulfilmentShare.Line(FILTER, 1));
        assertThat(answers.get(1).shares()).containsExactly(new FulfilmentShare("o-1-m2", "d-mid",
                List.of(new FulfilmentShare.Line(FILTER, 1)), topology.now().plus(ACCEPTANCE_TIME)));
        assertThat(answers.get(1).unassigned()).isEmpty();
        assertThat(topology.level(FILTER, "d-mid")).isEqualTo(new StockFigures(4, 1, 3));
        assertThat(topology.reasons()).containsExactly(Reason.RESERVED);
        assertThat(topology.openFulfilments("d-mid")).isEqualTo(1);

        topology.share("o-1", "o-1-m2", "d-mid", FulfilmentStatus.OFFERED, FulfilmentStatus.SHIPPED);
        assertThat(topology.level(FILTER, "d-mid")).isEqualTo(new StockFigures(3, 0, 3));
    }

    /** A dealer serving the test pincode by list, {@code km} north of the delivery point. */
    private static DealerUpdated located(String dealerId, double km, boolean active, String category) {
        GeoPoint at = new GeoPoint(DELIVERY.latitude() + km / 111.2, DELIVERY.longitude());
        return dealer(dealerId, active, List.of(category), List.of(PINCODE), at, null);
    }

    private static <T> T only(List<T> values) {
        assertThat(values).hasSize(1);
        return values.get(0);
    }
}
