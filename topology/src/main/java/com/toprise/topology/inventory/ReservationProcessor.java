package com.toprise.topology.inventory;

import com.toprise.schemas.events.DealerUpdated;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.events.InventoryChanged.Reason;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.events.OrderValidated.LineOutcome;
import com.toprise.schemas.topics.Topics;
import com.toprise.topology.inventory.DealerAssignment.Delivery;
import com.toprise.topology.inventory.DealerAssignment.Demand;
import com.toprise.topology.inventory.OrderReservation.Offered;
import com.toprise.topology.inventory.OrderReservation.Share;
import com.toprise.topology.inventory.OrderReservation.ShareState;
import com.toprise.topology.inventory.OrderReservation.State;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The single writer of reservations: every stock figure, dealer profile, new order, order status and fulfilment
 * move passes through here in one order, so two orders for the last unit are decided one after the other and
 * exactly one gets it, and a reassignment sees the stock every earlier command left. New orders and order statuses
 * are handled here, share moves by {@link FulfilmentFollower}, acceptance deadlines by {@link AcceptanceClock}.
 */
final class ReservationProcessor implements Processor<String, InventoryCommand, String, byte[]> {

    private final Duration acceptanceTime;
    private final Duration checkInterval;
    private ProcessorContext<String, byte[]> context;
    private InventoryLedger ledger;
    private FulfilmentFollower fulfilments;
    private AcceptanceClock clock;

    ReservationProcessor(Duration acceptanceTime, Duration checkInterval) {
        this.acceptanceTime = acceptanceTime;
        this.checkInterval = checkInterval;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.ledger = new InventoryLedger(context, acceptanceTime);
        this.fulfilments = new FulfilmentFollower(ledger);
        this.clock = new AcceptanceClock(context, ledger, fulfilments, checkInterval);
        context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, clock);
    }

    @Override
    public void process(Record<String, InventoryCommand> record) {
        clock.commandArrived(context.currentSystemTimeMs());
        InventoryCommand command = record.value();
        switch (command.kind()) {
            case STOCK -> applyStockFigure(command.stock(), command.occurredAt(), record.timestamp());
            case DEALER -> applyDealer(command.dealer(), command.occurredAt());
            case ORDER_CREATED -> reserve(command.order(), record.timestamp());
            case ORDER_STATUS -> follow(command.orderId(), command.status(), record.timestamp());
            case FULFILMENT -> fulfilments.follow(command.fulfilment(), record.timestamp());
        }
    }

    /** product-service's figure: an adjustment's, or its count of a shipment the topology made (SHIPPED). */
    private void applyStockFigure(InventoryChanged figure, Instant asOf, long timestamp) {
        String key = Topics.inventoryKey(figure.sku(), figure.dealerId());
        StockLevel current = ledger.stock().get(key);
        boolean countsShipment = figure.reason() == Reason.SHIPPED;
        if (current == null) {
            current = new StockLevel(figure.sku(), figure.dealerId(), 0, 0, null);
        } else if (current.onHandAsOf() != null && (asOf.isBefore(current.onHandAsOf())
                || countsShipment && asOf.equals(current.onHandAsOf()))) {
            return; // a redelivered older figure must not undo a newer one, nor a shipment be counted twice
        }
        long counted = countsShipment ? Math.max(0, -figure.delta()) : 0;
        ledger.put(key, current.withFigure(figure.onHand(), counted, asOf), timestamp);
    }

    /** The dealers' table: the latest profile per dealer, a redelivered older one ignored. */
    private void applyDealer(DealerUpdated dealer, Instant occurredAt) {
        if (dealer.dealerId() == null) {
            return;
        }
        DealerProfile next = DealerProfile.of(dealer, occurredAt);
        if (next.supersedes(ledger.dealers().get(dealer.dealerId()))) {
            ledger.dealers().put(dealer.dealerId(), next);
        }
    }

    /** All or nothing: every line placed by the rule, or nothing reserved and each failing line's reason given. */
    private void reserve(OrderCreated order, long timestamp) {
        if (ledger.reservation(order.orderId()) != null) {
            return; // decided already (a redelivery), or cancelled before it arrived
        }
        DealerAssignment rule = ledger.assignment(new Delivery(order.deliveryPincode(), order.deliveryLocation()),
                Set.of());
        List<LineOutcome> outcomes = rule.assign(order.lines().stream()
                .map(line -> new Demand(line.sku(), line.quantity(), line.categories())).toList());
        if (outcomes.stream().anyMatch(line -> line.rejection() != null)) {
            ledger.save(OrderReservation.rejected(order.orderId()));
            List<LineOutcome> nothingHeld = outcomes.stream().map(line -> new LineOutcome(line.sku(), line.quantity(),
                    List.of(), line.rejection(), line.availableUnits())).toList();
            ledger.validated(new OrderValidated(order.orderId(), OrderValidated.Result.REJECTED, nothingHeld,
                    List.of()), timestamp);
            return;
        }
        Offered offered = OrderReservation.confirmed(order, DealerAssignment.placements(outcomes),
                ledger.acceptBy(timestamp));
        ledger.reserved(order.orderId(), rule.changedLevels(), offered.shares(), timestamp);
        ledger.save(offered.next());
        ledger.validated(new OrderValidated(order.orderId(), OrderValidated.Result.CONFIRMED, outcomes,
                offered.shares().stream().map(Share::asEvent).toList()), timestamp);
    }

    /**
     * The order ended: what it still holds is released (cancelled, rejected) or leaves the shelf (shipped). Shares
     * shipped or ended on their own before are not touched again; an order from before shares ships what it held.
     */
    private void follow(String orderId, OrderStatus status, long timestamp) {
        State closing = switch (status) {
            case CANCELLED, REJECTED -> State.RELEASED;
            case SHIPPED -> State.SHIPPED;
            default -> null;
        };
        if (closing == null) {
            return;
        }
        OrderReservation reservation = ledger.reservation(orderId);
        if (reservation == null) {
            // closed before its ORDER_CREATED got here: remember, so that it reserves nothing when it does
            ledger.save(OrderReservation.closedBeforeCreation(orderId, closing));
            return;
        }
        if (!reservation.isOpen()) {
            return;
        }
        boolean shipped = closing == State.SHIPPED;
        ledger.endHeld(reservation.held(), shipped, timestamp);
        for (Share share : reservation.openShares()) {
            ledger.ended(share, shipped ? ShareState.SHIPPED : ShareState.CANCELLED, timestamp);
        }
        ledger.save(reservation.closed(closing));
    }
}
