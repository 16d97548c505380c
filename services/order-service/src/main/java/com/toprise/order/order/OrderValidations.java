package com.toprise.order.order;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.schemas.events.OrderValidated;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the inventory topology's verdicts: {@link Order#confirm} or {@link Order#reject} a CREATED order, each
 * stored with its ORDER_STATUS_CHANGED as a write conditional on the order still being CREATED, so a verdict that
 * comes twice, or after the order moved on (cancelled meanwhile), changes nothing.
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
        Instant now = clock.instant();
        List<OutboxWriter.Change> changes = mongo.find(Query.query(Criteria.where("_id").in(byOrder.keySet())),
                        Order.class)
                .stream().filter(order -> order.status() == OrderState.CREATED)
                .map(order -> decide(order, byOrder.get(order.id()), now).change()).toList();
        return outbox.updateEach(Order.class, changes);
    }

    private static OrderTransition decide(Order order, OrderValidated verdict, Instant at) {
        return verdict.result() == OrderValidated.Result.CONFIRMED ? order.confirm(verdict, at)
                : order.reject(verdict, at);
    }
}
