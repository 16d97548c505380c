package com.toprise.order.fulfilment;

import com.toprise.order.order.Actor;
import com.toprise.order.order.Order;
import com.toprise.order.order.OrderLifecycle;
import com.toprise.order.order.OrderLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Lets an order follow its fulfilments after one of them moved: reads the order's lines and all its fulfilments,
 * asks {@link OrderFollowsFulfilments} where the order should be, and has {@link OrderLifecycle} take it there
 * (which ignores a status the order is at or past).
 */
@Component
class OrderProgress {

    static final Actor FULFILMENT = Actor.system("fulfilment");
    private static final Logger log = LoggerFactory.getLogger(OrderProgress.class);

    private final MongoTemplate mongo;
    private final FulfilmentStore fulfilments;
    private final OrderLifecycle lifecycle;

    OrderProgress(MongoTemplate mongo, FulfilmentStore fulfilments, OrderLifecycle lifecycle) {
        this.mongo = mongo;
        this.fulfilments = fulfilments;
        this.lifecycle = lifecycle;
    }

    void follow(String orderId) {
        Order order = mongo.findById(orderId, Order.class);
        if (order == null) {
            return;
        }
        Map<String, Integer> ordered = new HashMap<>();
        for (OrderLine line : order.lines()) {
            ordered.merge(line.sku(), line.quantity(), Integer::sum);
        }
        OrderFollowsFulfilments.target(ordered, fulfilments.ofOrder(orderId)).ifPresent(to -> {
            try {
                lifecycle.advance(orderId, to, FULFILMENT, "its fulfilments are " + to);
            } catch (RuntimeException e) {
                // the fulfilment's own step is stored; the order catches up with the next step of any fulfilment
                log.warn("order {} could not follow its fulfilments to {}: {}", orderId, to, e.getMessage());
            }
        });
    }
}
