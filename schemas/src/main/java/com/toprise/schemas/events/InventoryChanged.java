package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A dealer's stock of one SKU after a change of {@code delta}. Keyed by {@code sku|dealerId}. Two producers share the
 * topic and each states only what it knows: product-service owns the physical stock and sends {@code onHand} alone
 * ({@link #stockFigure}: reserved and available null, left out of the JSON; it cannot know what is reserved at
 * that moment), the inventory topology owns the reservations and sends all three figures (RESERVED, RELEASED,
 * SHIPPED).
 *
 * @param reserved  units held for open orders; null on product-service's figures
 * @param available onHand - reserved, never below 0; null on product-service's figures
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL) // a figure the producer does not know is absent, not a guessed 0
public record InventoryChanged(String sku, String dealerId, long onHand, Long reserved, Long available, long delta,
                               Reason reason) {

    public enum Reason { ADJUSTMENT, PURCHASE_ORDER_RECEIVED, RESERVED, RELEASED, SHIPPED, RETURNED }

    /** All three figures, as the inventory topology knows them. */
    public InventoryChanged(String sku, String dealerId, long onHand, long reserved, long available, long delta,
                            Reason reason) {
        this(sku, dealerId, onHand, Long.valueOf(reserved), Long.valueOf(available), delta, reason);
    }

    /** A change of the physical stock, as product-service knows it: onHand only. */
    public static InventoryChanged stockFigure(String sku, String dealerId, long onHand, long delta, Reason reason) {
        return new InventoryChanged(sku, dealerId, onHand, (Long) null, (Long) null, delta, reason);
    }
}
