package com.toprise.topology.inventory;

import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.events.InventoryChanged.Reason;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.events.OrderValidated.LineOutcome;
import com.toprise.schemas.topics.Topic;
import com.toprise.schemas.topics.Topics;
import com.toprise.topology.inventory.OrderReservation.Held;
import com.toprise.topology.inventory.OrderReservation.State;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The single writer of reservations: every stock figure, new order and order status passes through here in one
 * order, so two orders for the last unit are decided one after the other and exactly one gets it. Outputs carry the
 * topic they go to in a header and their value already serialized, since they are of three types.
 */
final class ReservationProcessor implements Processor<String, InventoryCommand, String, byte[]> {

    static final String TARGET = "target";

    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, StockLevel> stock;
    private KeyValueStore<String, OrderReservation> reservations;

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.stock = context.getStateStore(InventoryLevelsTopology.STOCK_STORE);
        this.reservations = context.getStateStore(InventoryLevelsTopology.RESERVATIONS_STORE);
    }

    @Override
    public void process(Record<String, InventoryCommand> record) {
        InventoryCommand command = record.value();
        switch (command.kind()) {
            case STOCK -> applyStockFigure(command.stock(), command.occurredAt(), record.timestamp());
            case ORDER_CREATED -> reserve(command.order(), record.timestamp());
            case ORDER_STATUS -> follow(command.orderId(), command.status(), record.timestamp());
        }
    }

    private void applyStockFigure(InventoryChanged figure, Instant asOf, long timestamp) {
        String key = Topics.inventoryKey(figure.sku(), figure.dealerId());
        StockLevel current = stock.get(key);
        if (current == null) {
            current = new StockLevel(figure.sku(), figure.dealerId(), 0, 0, null);
        } else if (current.onHandAsOf() != null && asOf.isBefore(current.onHandAsOf())) {
            return; // a redelivered older figure must not undo a newer one
        }
        StockLevel next = current.withOnHand(figure.onHand(), asOf);
        stock.put(key, next);
        emit(Topics.INVENTORY_LEVELS, key, next.asLevel(), timestamp);
    }

    private void reserve(OrderCreated order, long timestamp) {
        if (reservations.get(order.orderId()) != null) {
            return; // decided already (a redelivery), or cancelled before it arrived
        }
        StockAllocator allocator = new StockAllocator(this::dealersOf);
        List<LineOutcome> outcomes = allocator.allocate(order.lines());
        boolean filled = outcomes.stream().allMatch(line -> line.rejection() == null);
        if (!filled) {
            reservations.put(order.orderId(), new OrderReservation(order.orderId(), State.REJECTED, List.of()));
            List<LineOutcome> nothingHeld = outcomes.stream().map(line -> new LineOutcome(line.sku(), line.quantity(),
                    List.of(), line.rejection(), line.availableUnits())).toList();
            validated(order.orderId(), OrderValidated.Result.REJECTED, nothingHeld, timestamp);
            return;
        }
        List<Held> held = new ArrayList<>();
        for (LineOutcome line : outcomes) {
            line.allocations().forEach(a -> held.add(new Held(line.sku(), a.dealerId(), a.quantity())));
        }
        allocator.changedLevels().forEach(stock::put);
        reservations.put(order.orderId(), new OrderReservation(order.orderId(), State.RESERVED, held));
        held.forEach(h -> changed(h, Reason.RESERVED, -h.quantity(), timestamp));
        validated(order.orderId(), OrderValidated.Result.CONFIRMED, outcomes, timestamp);
    }

    private void follow(String orderId, OrderStatus status, long timestamp) {
        State closing = switch (status) {
            case CANCELLED, REJECTED -> State.RELEASED;
            case SHIPPED -> State.SHIPPED;
            default -> null;
        };
        if (closing == null) {
            return;
        }
        OrderReservation reservation = reservations.get(orderId);
        if (reservation == null) {
            // closed before its ORDER_CREATED got here: remember, so that it reserves nothing when it does
            reservations.put(orderId, new OrderReservation(orderId, closing, List.of()));
            return;
        }
        if (!reservation.isOpen()) {
            return;
        }
        for (Held h : reservation.held()) {
            String key = Topics.inventoryKey(h.sku(), h.dealerId());
            StockLevel level = stock.get(key);
            stock.put(key, closing == State.SHIPPED ? level.ship(h.quantity()) : level.release(h.quantity()));
            changed(h, closing == State.SHIPPED ? Reason.SHIPPED : Reason.RELEASED,
                    closing == State.SHIPPED ? -h.quantity() : h.quantity(), timestamp);
        }
        reservations.put(orderId, reservation.closed(closing));
    }

    /** Every dealer's level of one SKU: keys are sku|dealerId, so a prefix scan finds them. */
    private List<StockLevel> dealersOf(String sku) {
        List<StockLevel> levels = new ArrayList<>();
        try (KeyValueIterator<String, StockLevel> found = stock.prefixScan(sku + "|", new StringSerializer())) {
            found.forEachRemaining((KeyValue<String, StockLevel> kv) -> levels.add(kv.value));
        }
        return levels;
    }

    private void changed(Held held, Reason reason, long delta, long timestamp) {
        String key = Topics.inventoryKey(held.sku(), held.dealerId());
        StockLevel level = stock.get(key);
        InventoryChanged change = new InventoryChanged(level.sku(), level.dealerId(), level.onHand(), level.reserved(),
                level.available(), delta, reason);
        emit(Topics.INVENTORY_CHANGED, key, EventEnvelope.of(EventType.INVENTORY_CHANGED, key, change,
                Instant.ofEpochMilli(timestamp)), timestamp);
        emit(Topics.INVENTORY_LEVELS, key, level.asLevel(), timestamp);
    }

    private void validated(String orderId, OrderValidated.Result result, List<LineOutcome> lines, long timestamp) {
        emit(Topics.ORDER_VALIDATED, orderId, EventEnvelope.of(EventType.ORDER_VALIDATED, orderId,
                new OrderValidated(orderId, result, lines), Instant.ofEpochMilli(timestamp)), timestamp);
    }

    private <V> void emit(Topic<String, V> topic, String key, V value, long timestamp) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        RecordHeaders headers = new RecordHeaders();
        headers.add(TARGET, topic.name().getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(key, bytes, timestamp, headers));
    }
}
