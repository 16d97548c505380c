package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.toprise.schemas.geo.GeoPoint;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order accepted at intake, before stock is reserved. Keyed by orderId. It carries what the dealer assignment
 * needs, so the topology decides without asking anyone: where it goes ({@code deliveryLocation}, null when the
 * address has no known location: then only a dealer serving the pincode by list is eligible) and each line's
 * category path.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderCreated(String orderId, String customerId, List<Line> lines, BigDecimal total, String currency,
                           String deliveryAddressId, String deliveryPincode, GeoPoint deliveryLocation) {

    /**
     * @param categories the category ids on the product's path (category, subcategory, type); a dealer carries the
     *                   line when it carries one of them. Null or empty from orders placed before categories were
     *                   sent: such a line goes to any dealer with the stock, as it did then.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(String sku, int quantity, BigDecimal unitPrice, List<String> categories) {
    }
}
