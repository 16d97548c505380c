package com.toprise.order.order;

import com.toprise.schemas.events.OrderValidated;

import java.math.BigDecimal;
import java.util.List;

/**
 * A line of an order at the catalog price of the moment it was placed, with the category path the product had then
 * (what a dealer must carry to take it; null on lines of older orders); once validated, where its units are
 * reserved (allocations) or why it could not be (rejection, with the units that were available).
 */
public record OrderLine(String sku, String productId, String name, int quantity, BigDecimal unitPrice,
                        BigDecimal lineTotal, List<OrderValidated.Allocation> allocations,
                        OrderValidated.Rejection rejection, Long availableUnits, List<String> categories) {

    OrderLine validated(OrderValidated.LineOutcome outcome) {
        return new OrderLine(sku, productId, name, quantity, unitPrice, lineTotal, outcome.allocations(),
                outcome.rejection(), outcome.availableUnits(), categories);
    }
}
