package com.toprise.order.order;

import com.toprise.order.order.Actor.Kind;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

/**
 * Where an order is in its lifecycle, and the table of the moves between states with who may make each. The
 * verdict of the inventory topology (the system) decides CONFIRMED or REJECTED; the goods' way ASSIGNED → PACKED →
 * SHIPPED → DELIVERED is driven by the fulfilments (their dealer, staff or the system reporting them); a buyer may
 * cancel until the parcel leaves, staff until it arrives, since only staff can stop a courier already on the way.
 * The names are those stored in order documents before this type existed, so old documents read unchanged; the
 * return states come with payments and are not here yet.
 */
public enum OrderState {
    CREATED(OrderStatus.CREATED),
    CONFIRMED(OrderStatus.CONFIRMED),
    REJECTED(OrderStatus.REJECTED),
    ASSIGNED(OrderStatus.ASSIGNED),
    PACKED(OrderStatus.PACKED),
    SHIPPED(OrderStatus.SHIPPED),
    DELIVERED(OrderStatus.DELIVERED),
    CANCELLED(OrderStatus.CANCELLED);

    private static final Map<OrderState, Map<OrderState, Set<Kind>>> MOVES = new EnumMap<>(OrderState.class);

    static {
        Set<Kind> verdict = EnumSet.of(Kind.SYSTEM);
        Set<Kind> fulfilment = EnumSet.of(Kind.DEALER, Kind.STAFF, Kind.SYSTEM);
        Set<Kind> beforeShipping = EnumSet.of(Kind.BUYER, Kind.STAFF, Kind.SYSTEM);
        Set<Kind> staff = EnumSet.of(Kind.STAFF);
        allow(CREATED, CONFIRMED, verdict);
        allow(CREATED, REJECTED, verdict);
        allow(CREATED, CANCELLED, beforeShipping);
        allow(CONFIRMED, ASSIGNED, fulfilment);
        allow(CONFIRMED, CANCELLED, beforeShipping);
        allow(ASSIGNED, PACKED, fulfilment);
        allow(ASSIGNED, CANCELLED, beforeShipping);
        allow(PACKED, SHIPPED, fulfilment);
        allow(PACKED, CANCELLED, beforeShipping);
        allow(SHIPPED, DELIVERED, fulfilment);
        allow(SHIPPED, CANCELLED, staff);
    }

    private final OrderStatus eventStatus;

    OrderState(OrderStatus eventStatus) {
        this.eventStatus = eventStatus;
    }

    private static void allow(OrderState from, OrderState to, Set<Kind> who) {
        MOVES.computeIfAbsent(from, f -> new EnumMap<>(OrderState.class)).put(to, Collections.unmodifiableSet(who));
    }

    /** The status ORDER_STATUS_CHANGED names it by: the event's enum is the contract, this one the service's own. */
    public OrderStatus asEventStatus() {
        return eventStatus;
    }

    /** Who may move an order from here straight to {@code to}; empty when nobody may. */
    public Set<Kind> whoMayMoveTo(OrderState to) {
        return MOVES.getOrDefault(this, Map.of()).getOrDefault(to, Set.of());
    }

    public boolean mayMoveTo(OrderState to, Kind by) {
        return whoMayMoveTo(to).contains(by);
    }

    /**
     * The steps that take an order from here to {@code to}, each one open to {@code by}: the one move when it is in
     * the table, else the shortest way along the goods' path (CONFIRMED → PACKED is ASSIGNED, then PACKED), since
     * fulfilment reports may skip a step the order has not seen. Only ASSIGNED, PACKED and SHIPPED are passed
     * through: no way confirms, rejects or cancels on the way. Empty when there is no such way (already there, a
     * step back, not open to {@code by}).
     */
    public List<OrderState> stepsTo(OrderState to, Kind by) {
        if (mayMoveTo(to, by)) {
            return List.of(to);
        }
        Map<OrderState, OrderState> reachedFrom = new EnumMap<>(OrderState.class);
        Queue<OrderState> queue = new ArrayDeque<>(List.of(this));
        while (!queue.isEmpty()) {
            OrderState at = queue.remove();
            for (OrderState next : MOVES.getOrDefault(at, Map.of()).keySet()) {
                if (next == this || reachedFrom.containsKey(next) || !at.mayMoveTo(next, by)) {
                    continue;
                }
                reachedFrom.put(next, at);
                if (next == to) {
                    return path(reachedFrom, to);
                }
                if (next.isPassedOnTheWay()) {
                    queue.add(next);
                }
            }
        }
        return List.of();
    }

    private boolean isPassedOnTheWay() {
        return this == ASSIGNED || this == PACKED || this == SHIPPED;
    }

    private List<OrderState> path(Map<OrderState, OrderState> reachedFrom, OrderState to) {
        List<OrderState> steps = new ArrayList<>();
        for (OrderState at = to; at != this; at = reachedFrom.get(at)) {
            steps.add(at);
        }
        Collections.reverse(steps);
        return List.copyOf(steps);
    }
}
