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
import java.util.LinkedHashMap;
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
        return apply(List.of(verdict)) == 1;
    }

    /**
     * Applies a batch of verdicts with one read of their orders and one bulk write, so the verdicts keep up with
     * intake: one at a time, two store round trips each, they fell tens of seconds behind under load.
     *
     * @return how many orders moved
     */
    int apply(List<OrderValidated> verdicts) {
        Map<String, OrderValidated> byOrder = new LinkedHashMap<>();
        verdicts.forEach(verdict -> byOrder.putIfAbsent(verdict.orderId(), verdict));
        List<OutboxWriter.Change> changes = mongo.find(Query.query(Criteria.where("_id").in(byOrder.keySet())), Order.class)
                .stream().filter(order -> order.status() == OrderStatus.CREATED)
                .map(order -> change(order, byOrder.get(order.id()))).toList();
        return outbox.updateEach(Order.class, changes);
    }

    private OutboxWriter.Change change(Order order, OrderValidated verdict) {
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
        // only a CREATED order moves: the read above may be stale by the time the write lands
        Query stillCreated = Query.query(Criteria.where("_id").is(order.id()).and("status").is(OrderStatus.CREATED));
        return new OutboxWriter.Change(stillCreated, update, List.of(changed));
    }

    /** "BRK-PAD-001: INSUFFICIENT_STOCK (1 available)", one per refused line. */
    private static String rejectionReason(OrderValidated verdict) {
        return verdict.lines().stream().filter(l -> l.rejection() != null)
                .map(l -> l.sku() + ": " + l.rejection() + " (" + l.availableUnits() + " available)")
                .collect(Collectors.joining("; "));
    }
}
