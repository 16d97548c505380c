package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A dealer's stock of one SKU after a change of {@code delta}. Keyed by {@code sku|dealerId}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InventoryChanged(String sku, String dealerId, long onHand, long reserved, long available, long delta,
                               Reason reason) {

    public enum Reason { ADJUSTMENT, PURCHASE_ORDER_RECEIVED, RESERVED, RELEASED, SHIPPED, RETURNED }
}
