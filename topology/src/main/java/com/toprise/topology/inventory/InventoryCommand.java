package com.toprise.topology.inventory;

import com.toprise.schemas.events.DealerUpdated;
import com.toprise.schemas.events.FulfilmentUpdated;
import com.toprise.schemas.events.InventoryChanged;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;

import java.time.Instant;

/**
 * The kinds of input, in one type so they can share the single ordered stream that makes every reservation see
 * every earlier one, and every dealer profile that reached the topology before it.
 *
 * @param stock      a product-service stock figure (kind STOCK)
 * @param order      a new order (kind ORDER_CREATED)
 * @param status     an order's new status (kind ORDER_STATUS), with {@code orderId}
 * @param dealer     a dealer's profile (kind DEALER)
 * @param fulfilment a share's move, or Fulfillment-Admin's manual assignment (kind FULFILMENT), with {@code orderId}
 */
record InventoryCommand(Kind kind, Instant occurredAt, InventoryChanged stock, OrderCreated order, String orderId,
                        OrderStatus status, DealerUpdated dealer, FulfilmentUpdated fulfilment) {

    enum Kind { STOCK, ORDER_CREATED, ORDER_STATUS, DEALER, FULFILMENT }

    static InventoryCommand stock(InventoryChanged stock, Instant at) {
        return new InventoryCommand(Kind.STOCK, at, stock, null, null, null, null, null);
    }

    static InventoryCommand orderCreated(OrderCreated order, Instant at) {
        return new InventoryCommand(Kind.ORDER_CREATED, at, null, order, order.orderId(), null, null, null);
    }

    static InventoryCommand orderStatus(String orderId, OrderStatus status, Instant at) {
        return new InventoryCommand(Kind.ORDER_STATUS, at, null, null, orderId, status, null, null);
    }

    static InventoryCommand dealer(DealerUpdated dealer, Instant at) {
        return new InventoryCommand(Kind.DEALER, at, null, null, null, null, dealer, null);
    }

    static InventoryCommand fulfilment(FulfilmentUpdated fulfilment, Instant at) {
        return new InventoryCommand(Kind.FULFILMENT, at, null, null, fulfilment.orderId(), null, null, fulfilment);
    }
}
