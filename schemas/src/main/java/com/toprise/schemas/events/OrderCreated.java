package com.toprise.schemas.events;

import java.math.BigDecimal;
import java.util.List;

/** An order accepted at intake, before stock is reserved. Keyed by orderId. */
public record OrderCreated(String orderId, String customerId, List<Line> lines, BigDecimal total, String currency,
                           String deliveryAddressId, String deliveryPincode) {

    public record Line(String sku, int quantity, BigDecimal unitPrice) {
    }
}
