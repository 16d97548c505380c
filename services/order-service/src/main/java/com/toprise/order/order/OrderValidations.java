package com.toprise.order.order;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.OrderStatusChanged;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;
import com.toprise.schemas.events.OrderValidated;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Moves a CREATED order to CONFIRMED or REJECTED by the inventory topology's verdict, recording where each line's
 * units are reserved or why they could not be, with ORDER_STATUS_CHANGED in the same write. Only a CREATED order
 * moves, so a verdict that comes twice, or after the order moved on, changes nothing.
 */
@Component
class OrderValidations {

    private final MongoTemplate mongo;
    private final OutboxWriter outbox;
    private final Clock clock = Clock.systemUTC();

    OrderValidations(MongoTemplate mongo, OutboxWriter outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** @return whether the order moved */
    boolean apply(OrderValidated verdict) {
        Order order = mongo.findById(verdict.orderId(), Order.class);
        if (order == null || order.status() != OrderStatus.CREATED) {
            return false;
        }
        OrderStatus to = verdict.result() == OrderValidated.Result.CONFIRMED ? OrderStatus.CONFIRMED : OrderStatus.REJECTED;
        String reason = to == OrderStatus.REJECTED ? rejectionReason(verdict) : null;
        Map<String, OrderValidated.LineOutcome> outcomes = verdict.lines().stream()
                .collect(Collectors.toMap(OrderValidated.LineOutcome::sku, Function.identity(), (a, b) -> a));
        List<OrderLine> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            OrderValidated.LineOutcome outcome = outcomes.get(line.sku());
            lines.add(outcome == null ? line : line.validated(outcome));
        }
        List<String> dealerIds = to == OrderStatus.CONFIRMED ? verdict.lines().stream()
                .flatMap(l -> l.allocations().stream()).map(OrderValidated.Allocation::dealerId).distinct().sorted()
                .toList() : List.of();
        Instant now = clock.instant();
        Update update = new Update().set("status", to).set("lines", lines).set("dealerIds", dealerIds)
                .set("updatedAt", now).push("statusHistory", new StatusChange(to, now, reason));
        EventEnvelope<OrderStatusChanged> changed = EventEnvelope.of(EventType.ORDER_STATUS_CHANGED, order.id(),
                new OrderStatusChanged(order.id(), OrderStatus.CREATED, to, reason), now);
        Query stillCreated = Query.query(Criteria.where("_id").is(order.id()).and("status").is(OrderStatus.CREATED));
        return outbox.update(stillCreated, update, Order.class, changed);
    }

    /** "BRK-PAD-001: INSUFFICIENT_STOCK (1 available)", one per refused line. */
    private static String rejectionReason(OrderValidated verdict) {
        return verdict.lines().stream().filter(l -> l.rejection() != null)
                .map(l -> l.sku() + ": " + l.rejection() + " (" + l.availableUnits() + " available)")
                .collect(Collectors.joining("; "));
    }
}
