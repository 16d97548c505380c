package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * A dealer's fulfilment moved, as order-service recorded it: accepted or declined by the dealer, packed, shipped and
 * delivered through the courier, or cancelled. The inventory topology follows it (a decline reassigns the lines, an
 * acceptance stops the acceptance clock, a shipment takes the units off on-hand, a cancellation releases them).
 * Keyed by orderId, so an order's fulfilments stay in order with its status changes.
 *
 * <p>One record is a request rather than a report: Fulfillment-Admin giving lines no dealer took to a dealer of
 * their choice is an OFFERED with {@code from} null and a fulfilment id order-service chose; the topology reserves
 * the units at that dealer and answers with a FULFILMENT_REASSIGNED of cause MANUAL (its lines unassigned again
 * when that dealer lacks the stock).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FulfilmentUpdated(String fulfilmentId, String orderId, String dealerId, FulfilmentStatus from,
                                FulfilmentStatus to, List<FulfilmentShare.Line> lines, String by, String reason,
                                Instant updatedAt) {

    /**
     * OFFERED until the dealer answers; DECLINED and EXPIRED (no answer in time) end it, its lines reassigned;
     * ACCEPTED → PACKED → SHIPPED → DELIVERED is the goods' way; CANCELLED ends it with the order.
     */
    public enum FulfilmentStatus { OFFERED, ACCEPTED, DECLINED, EXPIRED, PACKED, SHIPPED, DELIVERED, CANCELLED }
}
