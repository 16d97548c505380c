package com.toprise.order.order;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.toprise.order.delivery.Destination;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.events.OrderStatusChanged.OrderStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer's order. Its id is derived from the customer and the Idempotency-Key it was placed with, so the same
 * key can never store a second order; {@code requestFingerprint} tells a true retry from a different request
 * reusing the key.
 */
@Document("orders")
public record Order(@Id String id, String customerId, OrderStatus status, List<OrderLine> lines,
                    BigDecimal totalAmount, String currency, Destination delivery, List<String> dealerIds,
                    List<StatusChange> statusHistory, @JsonIgnore String requestFingerprint, Instant createdAt,
                    Instant updatedAt) {

    EventEnvelope<OrderCreated> createdEvent() {
        List<OrderCreated.Line> eventLines = lines.stream()
                .map(l -> new OrderCreated.Line(l.sku(), l.quantity(), l.unitPrice())).toList();
        return EventEnvelope.of(EventType.ORDER_CREATED, id, new OrderCreated(id, customerId, eventLines, totalAmount,
                currency, delivery.addressId(), delivery.pincode()), createdAt);
    }
}
