package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An order moved from one status to another; reason says why (a rejection's cause, a cancellation note). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderStatusChanged(String orderId, OrderStatus from, OrderStatus to, String reason) {

    public enum OrderStatus {
        CREATED, CONFIRMED, REJECTED, ASSIGNED, PACKED, SHIPPED, DELIVERED, CANCELLED, RETURN_REQUESTED, RETURNED, REFUNDED
    }
}
