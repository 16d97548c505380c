package com.toprise.topology.inventory;

import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.FulfilmentReassigned;
import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.events.InventoryChanged.Reason;
import com.toprise.schemas.events.OrderValidated;
import com.toprise.schemas.topics.Topic;
import com.toprise.schemas.topics.Topics;
import com.toprise.topology.inventory.DealerAssignment.Delivery;
import com.toprise.topology.inventory.OrderReservation.Held;
import com.toprise.topology.inventory.OrderReservation.Share;
import com.toprise.topology.inventory.OrderReservation.ShareState;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inventory task's state and outputs in one place: the stores, and every move of units, each written to the
 * stock store and announced (INVENTORY_CHANGED and {@code inventory.levels}) in the same step, so no caller can do one
 * without the other. It also keeps the bookkeeping that follows a share opening or ending: the dealer's count of
 * open fulfilments and the share's acceptance deadline. Outputs carry the topic they go to in a header and their
 * value already serialized, since they are of several types.
 */
final class InventoryLedger {

    static final String TARGET = "target";

    private final ProcessorContext<String, byte[]> context;
    private final Duration acceptanceTime;
    private final KeyValueStore<String, StockLevel> stock;
    private final KeyValueStore<String, DealerProfile> dealers;
    private final KeyValueStore<String, Long> load;
    private final KeyValueStore<String, OrderReservation> reservations;
    private final KeyValueStore<String, String> deadlines;

    InventoryLedger(ProcessorContext<String, byte[]> context, Duration acceptanceTime) {
        this.context = context;
        this.acceptanceTime = acceptanceTime;
        this.stock = context.getStateStore(InventoryLevelsTopology.STOCK_STORE);
        this.dealers = context.getStateStore(InventoryLevelsTopology.DEALERS_STORE);
        this.load = context.getStateStore(InventoryLevelsTopology.DEALER_LOAD_STORE);
        this.reservations = context.getStateStore(InventoryLevelsTopology.RESERVATIONS_STORE);
        this.deadlines = context.getStateStore(InventoryLevelsTopology.DEADLINES_STORE);
    }

    KeyValueStore<String, StockLevel> stock() {
        return stock;
    }

    KeyValueStore<String, DealerProfile> dealers() {
        return dealers;
    }

    KeyValueStore<String, String> deadlines() {
        return deadlines;
    }

    OrderReservation reservation(String orderId) {
        return reservations.get(orderId);
    }

    void save(OrderReservation reservation) {
        reservations.put(reservation.orderId(), reservation);
    }

    /** Until when a share offered at {@code timestamp} may be accepted. */
    Instant acceptBy(long timestamp) {
        return Instant.ofEpochMilli(timestamp).plus(acceptanceTime);
    }

    /** The rule over the current stores, for one order's delivery, leaving out dealers already tried. */
    DealerAssignment assignment(Delivery delivery, Set<String> excluded) {
        return new DealerAssignment(this::holdersOf, dealers::get, this::openFulfilments, delivery, excluded);
    }

    long openFulfilments(String dealerId) {
        Long open = load.get(dealerId);
        return open == null ? 0 : open;
    }

    /**
     * Writes the levels a reservation left (what an assignment reserved) and announces them per share line; each
     * share counts for its dealer's load and its acceptance clock starts.
     */
    void reserved(String orderId, Map<String, StockLevel> levels, List<Share> opened, long timestamp) {
        levels.forEach(stock::put);
        for (Share share : opened) {
            share.lines().forEach(line -> announce(line.sku(), share.dealerId(), Reason.RESERVED, -line.quantity(),
                    timestamp));
            load.put(share.dealerId(), openFulfilments(share.dealerId()) + 1);
            deadlines.put(AcceptanceClock.key(share.acceptBy(), share.fulfilmentId()), orderId);
        }
    }

    /** Reserves a manual share's lines at its dealer, when it has every unit; false (nothing changed) otherwise. */
    boolean reserveAtDealer(String orderId, Share share, long timestamp) {
        Map<String, StockLevel> levels = new LinkedHashMap<>();
        for (FulfilmentShare.Line line : share.lines()) {
            String key = Topics.inventoryKey(line.sku(), share.dealerId());
            StockLevel level = levels.getOrDefault(key, stock.get(key));
            if (line.quantity() <= 0 || level == null || level.available() < line.quantity()) {
                return false;
            }
            levels.put(key, level.reserve(line.quantity()));
        }
        reserved(orderId, levels, List.of(share), timestamp);
        return true;
    }

    /**
     * An open share ends as {@code end}: its units leave the shelf (SHIPPED) or go back to available (any other
     * end), it no longer counts for its dealer's load, and its acceptance clock, if still running, stops.
     */
    void ended(Share share, ShareState end, long timestamp) {
        stopClock(share);
        load.put(share.dealerId(), Math.max(0, openFulfilments(share.dealerId()) - 1));
        for (FulfilmentShare.Line line : share.lines()) {
            move(line.sku(), share.dealerId(), line.quantity(), end == ShareState.SHIPPED, timestamp);
        }
    }

    /** The dealer accepted in time: nothing expires this share any more. */
    void stopClock(Share share) {
        if (share.state() == ShareState.OFFERED) {
            deadlines.delete(AcceptanceClock.key(share.acceptBy(), share.fulfilmentId()));
        }
    }

    /** Releases or ships what an order reserved before shares existed. */
    void endHeld(List<Held> held, boolean shipped, long timestamp) {
        held.forEach(h -> move(h.sku(), h.dealerId(), h.quantity(), shipped, timestamp));
    }

    /** Writes and announces a new level, e.g. after a stock figure. */
    void put(String key, StockLevel level, long timestamp) {
        stock.put(key, level);
        emit(Topics.INVENTORY_LEVELS, key, level.asLevel(), timestamp);
    }

    void validated(OrderValidated verdict, long timestamp) {
        emit(Topics.ORDER_VALIDATED, verdict.orderId(), EventEnvelope.of(EventType.ORDER_VALIDATED, verdict.orderId(),
                verdict, Instant.ofEpochMilli(timestamp)), timestamp);
    }

    void reassigned(FulfilmentReassigned reassigned, long timestamp) {
        emit(Topics.FULFILMENT_REASSIGNED, reassigned.orderId(), EventEnvelope.of(EventType.FULFILMENT_REASSIGNED,
                reassigned.orderId(), reassigned, Instant.ofEpochMilli(timestamp)), timestamp);
    }

    /** Every dealer's level of one SKU: keys are sku|dealerId, so a prefix scan finds them. */
    List<StockLevel> holdersOf(String sku) {
        List<StockLevel> levels = new ArrayList<>();
        try (KeyValueIterator<String, StockLevel> found = stock.prefixScan(sku + "|", new StringSerializer())) {
            found.forEachRemaining(kv -> levels.add(kv.value));
        }
        return levels;
    }

    private void move(String sku, String dealerId, long units, boolean shipped, long timestamp) {
        String key = Topics.inventoryKey(sku, dealerId);
        StockLevel level = stock.get(key);
        stock.put(key, shipped ? level.ship(units) : level.release(units));
        announce(sku, dealerId, shipped ? Reason.SHIPPED : Reason.RELEASED, shipped ? -units : units, timestamp);
    }

    private void announce(String sku, String dealerId, Reason reason, long delta, long timestamp) {
        String key = Topics.inventoryKey(sku, dealerId);
        StockLevel level = stock.get(key);
        InventoryChanged change = new InventoryChanged(level.sku(), level.dealerId(), level.onHand(), level.reserved(),
                level.available(), delta, reason);
        emit(Topics.INVENTORY_CHANGED, key, EventEnvelope.of(EventType.INVENTORY_CHANGED, key, change,
                Instant.ofEpochMilli(timestamp)), timestamp);
        emit(Topics.INVENTORY_LEVELS, key, level.asLevel(), timestamp);
    }

    private <V> void emit(Topic<String, V> topic, String key, V value, long timestamp) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        RecordHeaders headers = new RecordHeaders();
        headers.add(TARGET, topic.name().getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(key, bytes, timestamp, headers));
    }
}
