package com.toprise.order.order;

import com.toprise.order.delivery.Destination;
import com.toprise.schemas.geo.GeoPoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Orders as intake stores them, for the tests of this package: one line of BRK-1, delivered in Pune. */
final class OrderFixtures {

    static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    static final GeoPoint PUNE = new GeoPoint(18.5204, 73.8567);

    private OrderFixtures() {
    }

    static Destination destination(String customerId) {
        return new Destination("addr-" + customerId, "411001", "Pune", "Maharashtra", "12 FC Road", null,
                "Asha Rao", "+919800000001", PUNE);
    }

    static OrderLine line(String sku, int quantity) {
        BigDecimal price = new BigDecimal("10.00");
        BigDecimal total = price.multiply(BigDecimal.valueOf(quantity));
        return new OrderLine(sku, "p-" + sku, "Part " + sku, quantity, price, total, List.of(), null, null,
                List.of("brakes", "brakes-brake-pads"));
    }

    /** A new order of 2 × BRK-1, its history the one CREATED step intake records. */
    static Order created(String id, String customerId, Instant at) {
        return new Order(id, customerId, OrderState.CREATED, List.of(line("BRK-1", 2)), new BigDecimal("20.00"), "INR",
                destination(customerId), List.of(),
                List.of(new StatusChange(null, OrderState.CREATED, "BUYER:" + customerId, at, null)), "f", at, at);
    }

    /** The same order in another state, allocated to these dealers (its history is not the point). */
    static Order in(OrderState state, String id, String customerId, Instant at, List<String> dealerIds) {
        Order created = created(id, customerId, at);
        return new Order(id, customerId, state, created.lines(), created.totalAmount(), created.currency(),
                created.delivery(), dealerIds, created.statusHistory(), created.requestFingerprint(), at, at);
    }
}
