package com.toprise.order.fulfilment;

import com.toprise.order.order.Order;
import com.toprise.order.order.OrderState;
import com.toprise.order.order.StatusChange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the customer sees of an order's progress: the order's own steps and every line's steps in each dealer's
 * fulfilment, in time order (a line split across dealers shows each share's steps).
 */
public record OrderTimeline(String orderId, OrderState status, List<Entry> entries) {

    /** Whose step an entry is: the order's, or one line's. */
    public enum Kind { ORDER, LINE }

    /**
     * @param status the order's status for ORDER entries, the line's ({@link LineStatus}) for LINE entries
     * @param sku    null for ORDER entries, as are name, quantity and fulfilmentId
     */
    public record Entry(Instant at, Kind kind, String status, String sku, String name, Integer quantity,
                        String fulfilmentId, String reason) {
    }

    static OrderTimeline of(Order order, List<Fulfilment> fulfilments) {
        List<Entry> entries = new ArrayList<>();
        for (StatusChange change : order.statusHistory() == null ? List.<StatusChange>of() : order.statusHistory()) {
            entries.add(new Entry(change.at(), Kind.ORDER, change.to().name(), null, null, null, null,
                    change.reason()));
        }
        for (Fulfilment fulfilment : fulfilments) {
            for (FulfilmentLine line : fulfilment.lines()) {
                for (LineStep step : line.steps()) {
                    entries.add(new Entry(step.at(), Kind.LINE, step.status().name(), line.sku(), line.name(),
                            line.quantity(), fulfilment.id(), null));
                }
            }
        }
        // stable: steps of the same instant keep the order they were recorded in, the order's before its lines'
        entries.sort(Comparator.comparing(Entry::at));
        return new OrderTimeline(order.id(), order.status(), List.copyOf(entries));
    }
}
