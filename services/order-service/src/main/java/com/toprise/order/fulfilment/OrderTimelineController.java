package com.toprise.order.fulfilment;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.order.order.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An order's timeline with every line's steps ({@link OrderTimeline}), for the customer who placed it or anyone
 * with scope ALL on {@code orders}; someone else's order is 404 like a missing one. A bounded answer (an order's
 * own steps and its few fulfilments' line steps), so it is not paged.
 */
@RestController
@RequestMapping("/api/orders")
@ProtectedResource("orders")
class OrderTimelineController {

    private final MongoTemplate mongo;
    private final FulfilmentStore fulfilments;

    OrderTimelineController(MongoTemplate mongo, FulfilmentStore fulfilments) {
        this.mongo = mongo;
        this.fulfilments = fulfilments;
    }

    @GetMapping("/{id}/timeline")
    OrderTimeline timeline(@PathVariable String id, Access access) {
        Order order = mongo.findById(id, Order.class);
        if (order == null) {
            throw new ResourceNotFoundException("orders", id);
        }
        access.checkOwner(order.customerId(), id);
        return OrderTimeline.of(order, fulfilments.ofOrder(id));
    }
}
