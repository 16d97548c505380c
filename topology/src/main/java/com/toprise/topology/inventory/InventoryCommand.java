package com.toprise.topology.inventory;

import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;

import java.time.Instant;

/**
 * The three kinds of input, in one type so they can share the single ordered stream that makes every reservation
 * see every earlier one.
 *
 * @param stock  a product-service stock figure (kind STOCK)
 * @param order  a new order (kind ORDER_CREATED)
 * @param status an order's new status (kind ORDER_STATUS), with {@code orderId}
 */
record InventoryCommand(Kind kind, Instant occurredAt, InventoryChanged stock, OrderCreated order, String orderId,
                        OrderStatus status) {

    enum Kind { STOCK, ORDER_CREATED, ORDER_STATUS }

    static InventoryCommand stock(InventoryChanged stock, Instant at) {
        return new InventoryCommand(Kind.STOCK, at, stock, null, null, null);
    }

    static InventoryCommand orderCreated(OrderCreated order, Instant at) {
        return new InventoryCommand(Kind.ORDER_CREATED, at, null, order, order.orderId(), null);
    }

    static InventoryCommand orderStatus(String orderId, OrderStatus status, Instant at) {
        return new InventoryCommand(Kind.ORDER_STATUS, at, null, null, orderId, status);
    }
}
