package com.toprise.order.order;

import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;

import java.time.Instant;

/** One step of an order's status history. */
public record StatusChange(OrderStatus status, Instant at, String reason) {
}
