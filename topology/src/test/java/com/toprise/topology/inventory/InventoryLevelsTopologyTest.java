package com.toprise.topology.inventory;

import com.toprise.schemas.events.DealerUpdated;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.InventoryChanged.Reason;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.events.InventoryLevel;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;
import com.toprise.schemas.events.OrderValidated.Allocation;
import com.toprise.schemas.events.OrderValidated.Rejection;
import com.toprise.schemas.events.OrderValidated.Result;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.serde.JsonSerde;
import com.toprise.topology.inventory.InventoryTopologyDriver.StockFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.toprise.topology.inventory.InventoryTopologyDriver.DELIVERY;
import static com.toprise.topology.inventory.InventoryTopologyDriver.PINCODE;
import static com.toprise.topology.inventory.InventoryTopologyDriver.T0;
import static com.toprise.topology.inventory.InventoryTopologyDriver.line;
import static com.toprise.topology.inventory.InventoryTopologyDriver.orderPayload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reservation rules, driven through the real topology (merge, single-partition repartition, stores). Every
 * dealer here is known (its DEALER_UPDATED came first), active and serves the orders' pincode, so the assignment
 * rule leaves the stock to decide; the rule itself is {@link DealerAssignmentTest}'s and the shares' lifecycle
 * {@link FulfilmentLifecycleTopologyTest}'s.
 */
class InventoryLevelsTopologyTest {

    private InventoryTopologyDriver topology;

    @BeforeEach
    void setUp() {
        topology = new InventoryTopologyDriver();
        topology.dealers("d-1", "d-2");
    }

    @AfterEach
    void tearDown() {
        topology.close();
    }

    @Test
    void twoOrdersForTheLastUnitExactlyOneIsConfirmed() {
        topology.stock("BRK-PAD-001", "d-1", 1);
        topology.order("o-1", line("BRK-PAD-001", 1));
        topology.order("o-2", line("BRK-PAD-001", 1));

        Map<String, OrderValidated> results = results();
        assertThat(results.get("o-1").result()).isEqualTo(Result.CONFIRMED);
        assertThat(results.get("o-1").lines().get(0).allocations()).containsExactly(new Allocation("d-1", 1));
        assertThat(results.get("o-2").result()).isEqualTo(Result.REJECTED);
        assertThat(results.get("o-2").lines().get(0).rejection()).isEqualTo(Rejection.INSUFFICIENT_STOCK);
        assertThat(results.get("o-2").fulfilments()).isEmpty();
        assertThat(topology.level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(1, 1, 0));
    }

    @Test
    void aMultiLineOrderThatCannotBeFilledInFullReservesNothing() {
        topology.stock("BRK-PAD-001", "d-1", 5);
        topology.stock("OIL-FLT-204", "d-1", 1);
        topology.order("o-1", line("BRK-PAD-001", 2), line("OIL-FLT-204", 3), line("NO-SUCH-SKU", 1));

        OrderValidated rejected = results().get("o-1");
        assertThat(rejected.result()).isEqualTo(Result.REJECTED);
        assertThat(rejected.lines()).extracting(OrderValidated.LineOutcome::rejection)
                .containsExactly(null, Rejection.INSUFFICIENT_STOCK, Rejection.UNKNOWN_SKU);
        assertThat(rejected.lines()).allSatisfy(line -> assertThat(line.allocations()).isEmpty());
        assertThat(rejected.lines().get(1).availableUnits()).isEqualTo(1);
        assertThat(rejected.fulfilments()).isEmpty();
        assertThat(topology.level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(5, 0, 5));
        assertThat(topology.level("OIL-FLT-204", "d-1")).isEqualTo(new StockFigures(1, 0, 1));
        assertThat(topology.reasons()).isEmpty();
        assertThat(topology.openFulfilments("d-1")).isZero();
    }

    @Test
    void cancellingReleasesTheReservationAndTheUnitsCanBeSoldAgain() {
        topology.stock("BRK-PAD-001", "d-1", 1);
        topology.order("o-1", line("BRK-PAD-001", 1));
        topology.status("o-1", OrderStatus.CANCELLED);
        topology.order("o-2", line("BRK-PAD-001", 1));

        assertThat(results().get("o-2").result()).isEqualTo(Result.CONFIRMED);
        assertThat(topology.reasons()).containsExactly(Reason.RESERVED, Reason.RELEASED, Reason.RESERVED);
        assertThat(topology.level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(1, 1, 0));
        assertThat(topology.openFulfilments("d-1")).isEqualTo(1); // o-2's share; o-1's closed with the order
    }

    @Test
    void aLineSpillsOverToTheNextDealerAndShippingTurnsTheReservationIntoADecrement() {
        topology.stock("BRK-PAD-001", "d-1", 3);
        topology.stock("BRK-PAD-001", "d-2", 2);
        topology.order("o-1", line("BRK-PAD-001", 4));

        OrderValidated confirmed = results().get("o-1");
        assertThat(confirmed.lines().get(0).allocations())
                .containsExactly(new Allocation("d-1", 3), new Allocation("d-2", 1));
        assertThat(confirmed.fulfilments()).extracting(share -> share.fulfilmentId() + "@" + share.dealerId())
                .containsExactly("o-1-1@d-1", "o-1-2@d-2");
        topology.status("o-1", OrderStatus.SHIPPED);
        assertThat(topology.level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(0, 0, 0));
        assertThat(topology.level("BRK-PAD-001", "d-2")).isEqualTo(new StockFigures(1, 0, 1));
        assertThat(topology.openFulfilments("d-1")).isZero();
        assertThat(topology.openFulfilments("d-2")).isZero();
    }

    @Test
    void redeliveriesChangeNothing() {
        topology.stock("BRK-PAD-001", "d-1", 2);
        EventEnvelope<OrderCreated> created = EventEnvelope.of(EventType.ORDER_CREATED, "o-1",
                orderPayload("o-1", DELIVERY, line("BRK-PAD-001", 1)), T0.plusSeconds(5));
        topology.order(created);
        topology.order(created);
        topology.status("o-1", OrderStatus.CANCELLED);
        topology.status("o-1", OrderStatus.CANCELLED);
        // a stock figure older than the one applied is a late redelivery
        topology.stockAsOf("BRK-PAD-001", "d-1", 9, T0.minusSeconds(60));

        assertThat(topology.validations.readKeyValuesToList()).hasSize(1);
        assertThat(topology.reasons()).containsExactly(Reason.RESERVED, Reason.RELEASED);
        assertThat(topology.level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(2, 0, 2));
        assertThat(topology.openFulfilments("d-1")).isZero();
    }

    @Test
    void anOrderCancelledBeforeItsCreationArrivesReservesNothingAndBadQuantitiesAreRejected() {
        topology.stock("BRK-PAD-001", "d-1", 2);
        topology.status("o-1", OrderStatus.CANCELLED);
        topology.order("o-1", line("BRK-PAD-001", 1));
        topology.order("o-2", line("BRK-PAD-001", 0));

        Map<String, OrderValidated> results = results();
        assertThat(results).doesNotContainKey("o-1");
        assertThat(results.get("o-2").lines().get(0).rejection()).isEqualTo(Rejection.INVALID_QUANTITY);
        assertThat(topology.level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(2, 0, 2));
    }

    @Test
    void shippedPartsStayOffTheShelfWhenAnAdjustmentCrossesProductServicesCountOfTheShipment() {
        topology.stock("BRK-PAD-001", "d-1", 5);
        topology.order("o-1", line("BRK-PAD-001", 2));
        topology.status("o-1", OrderStatus.SHIPPED);
        assertThat(topology.level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(3, 0, 3));

        // product-service adjusted (+1) before it counted the shipment: its figure still holds the 2 shipped parts
        topology.advance(Duration.ofSeconds(1));
        topology.stock("BRK-PAD-001", "d-1", 6);
        assertThat(topology.level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(4, 0, 4));
        // its count of the shipment, and that count again (a redelivery): nothing more leaves the shelf
        topology.advance(Duration.ofSeconds(1));
        InventoryChanged counted = InventoryChanged.stockFigure("BRK-PAD-001", "d-1", 4, -2, Reason.SHIPPED);
        topology.figure(counted);
        topology.figure(counted);
        assertThat(topology.level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(4, 0, 4));
        // from now on its figures are the shelf
        topology.advance(Duration.ofSeconds(1));
        topology.stock("BRK-PAD-001", "d-1", 3);
        assertThat(topology.level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(3, 0, 3));
    }

    @Test
    void aStockLevelStoredBeforeShipmentsWereCountedReadsAsNoneAhead() {
        StockLevel stored = JsonSerde.of(StockLevel.class).deserializer().deserialize("inventory-stock",
                "{\"sku\": \"BRK-PAD-001\", \"dealerId\": \"d-1\", \"onHand\": 5, \"reserved\": 1}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(stored).isEqualTo(new StockLevel("BRK-PAD-001", "d-1", 5, 1, null));
        assertThat(stored.shippedAhead()).isZero();
    }

    @Test
    void theTopologysOwnInventoryChangesAreNotReadBackAsStockFigures() {
        topology.stock("BRK-PAD-001", "d-1", 2);
        topology.order("o-1", line("BRK-PAD-001", 2));
        topology.pipeBack(topology.changes.readKeyValuesToList());
        assertThat(topology.level("BRK-PAD-001", "d-1")).isEqualTo(new StockFigures(2, 2, 0));
        assertThat(topology.levels.readValuesToList()).last()
                .isEqualTo(new InventoryLevel("BRK-PAD-001", "d-1", 2, 2, 0));
    }

    @Test
    void stockAtADealerTheTopologyHasNotHeardOfIsNotEligible() {
        topology.stock("BRK-PAD-001", "d-9", 5); // no DEALER_UPDATED of d-9 ever arrived
        topology.order("o-1", line("BRK-PAD-001", 1));

        OrderValidated rejected = results().get("o-1");
        assertThat(rejected.result()).isEqualTo(Result.REJECTED);
        assertThat(rejected.lines().get(0).rejection()).isEqualTo(Rejection.NO_ELIGIBLE_DEALER);
        assertThat(topology.level("BRK-PAD-001", "d-9")).isEqualTo(new StockFigures(5, 0, 5));

        topology.dealers("d-9"); // once it is known, it is eligible
        topology.order("o-2", line("BRK-PAD-001", 1));
        assertThat(results().get("o-2").result()).isEqualTo(Result.CONFIRMED);
    }

    @Test
    void aRedeliveredOlderDealerProfileDoesNotUndoANewerOne() {
        topology.stock("BRK-PAD-001", "d-1", 5);
        DealerUpdated deactivated = InventoryTopologyDriver.dealer("d-1", false, List.of(), List.of(PINCODE), null,
                null);
        topology.dealer(withUpdatedAt(deactivated, T0.plusSeconds(10)));
        topology.dealer(withUpdatedAt(InventoryTopologyDriver.dealer("d-1"), T0.plusSeconds(5)));
        topology.order("o-1", line("BRK-PAD-001", 1));

        assertThat(results().get("o-1").lines().get(0).rejection()).isEqualTo(Rejection.NO_ELIGIBLE_DEALER);
    }

    private static DealerUpdated withUpdatedAt(DealerUpdated d, Instant at) {
        return new DealerUpdated(d.dealerId(), d.name(), d.phone(), d.active(),
                d.categories(), d.address(), d.pincode(), d.location(), d.servicePincodes(), d.serviceRadiusKm(),
                d.workingHours(), at);
    }

    private Map<String, OrderValidated> results() {
        return topology.verdicts().stream().collect(Collectors.toMap(OrderValidated::orderId, Function.identity()));
    }
}
