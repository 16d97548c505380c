package com.toprise.order.order;

import com.toprise.common.access.Access;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.ResourceNotFoundException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The order's lifecycle as the rest of the service drives it: a cancellation asked for over HTTP, the steps the
 * fulfilments report, the dealers a reassignment adds. It loads the order, lets {@link Order} decide, and stores
 * the move with its ORDER_STATUS_CHANGED as one write conditional on the state it was read in; a write that a
 * concurrent move beat is retried from a fresh read, so the second of two racing moves is decided on the order as
 * the first left it.
 */
@Service
public class OrderLifecycle {

    /** Reads before giving up on an order that keeps changing under us; each lost race means another move landed. */
    private static final int ATTEMPTS = 5;

    private final OrderSearch orders;
    private final OutboxWriter outbox;
    private final Clock clock = Clock.systemUTC();

    OrderLifecycle(OrderSearch orders, OutboxWriter outbox) {
        this.orders = orders;
        this.outbox = outbox;
    }

    /**
     * Cancels an order for the caller: a buyer its own until SHIPPED, staff (scope ALL) any until DELIVERED. A
     * dealer declines its fulfilment instead and is refused (403); another customer's order is 404 like a missing
     * one; too late is 409 naming the current status.
     */
    public Order cancel(String orderId, Access access, String reason) {
        OrdersInScope.checkMayCancel(access);
        Actor by = Actor.of(access);
        return apply(orderId, order -> {
            if (order == null || !OrdersInScope.of(access).covers(order)) {
                throw new ResourceNotFoundException("orders", orderId);
            }
            return Optional.of(order.cancel(by, reason, clock.instant()));
        }).orElseThrow();
    }

    /**
     * Moves an order to {@code to} as a fulfilment reported it, through the states between when it skipped some
     * (CONFIRMED → PACKED records ASSIGNED, then PACKED). Reports arrive late and twice: an order already at
     * {@code to}, past it, or unable to get there now is left as it is (empty), as is an unknown order.
     */
    public Optional<Order> advance(String orderId, OrderState to, Actor by, String reason) {
        return apply(orderId, order -> order == null || !order.canMoveTo(to, by) ? Optional.empty()
                : Optional.of(order.moveTo(to, by, reason, clock.instant())));
    }

    /**
     * Adds dealers to the order's {@code dealerIds}, so a dealer's OWN scope covers an order whose lines were
     * reassigned to it; one already there stays once. No event: the fulfilment carries the reassignment.
     */
    public void addDealers(String orderId, Collection<String> dealerIds) {
        if (dealerIds.isEmpty()) {
            return;
        }
        Update update = new Update().set("updatedAt", clock.instant());
        update.addToSet("dealerIds").each(dealerIds.stream().distinct().toArray());
        // through the outbox although there is no event: the write clears the entries of the previous one, which
        // the change stream would otherwise carry, and the router route, a second time
        outbox.update(Query.query(Criteria.where("_id").is(orderId)), update, Order.class);
    }

    /**
     * Reads the order, asks {@code decide} for the move (empty: none), writes it conditionally; a lost race reads
     * again and decides anew.
     */
    private Optional<Order> apply(String orderId, Function<Order, Optional<OrderTransition>> decide) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<OrderTransition> transition = decide.apply(orders.find(orderId).orElse(null));
            if (transition.isEmpty()) {
                return Optional.empty();
            }
            if (outbox.updateEach(Order.class, List.of(transition.get().change())) == 1) {
                return Optional.of(transition.get().after());
            }
        }
        throw new ConflictException("Order " + orderId + " kept changing while it was being moved; retry shortly.");
    }
}
