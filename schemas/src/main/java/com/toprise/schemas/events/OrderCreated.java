package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/** An order accepted at intake, before stock is reserved. Keyed by orderId. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderCreated(String orderId, String customerId, List<Line> lines, BigDecimal total, String currency,
                           String deliveryAddressId, String deliveryPincode) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(String sku, int quantity, BigDecimal unitPrice) {
    }
}
