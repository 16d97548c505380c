package com.toprise.topology.inventory;

import com.toprise.schemas.events.InventoryLevel;

import java.time.Instant;

/**
 * One dealer's stock of one SKU as the topology keeps it. product-service owns onHand (its adjustments arrive as
 * absolute figures, so a redelivered one changes nothing and an older one than {@code onHandAsOf} is ignored); the
 * topology owns reserved.
 */
record StockLevel(String sku, String dealerId, long onHand, long reserved, Instant onHandAsOf) {

    long available() {
        return Math.max(0, onHand - reserved);
    }

    StockLevel withOnHand(long units, Instant asOf) {
        return new StockLevel(sku, dealerId, units, reserved, asOf);
    }

    StockLevel reserve(long units) {
        return new StockLevel(sku, dealerId, onHand, reserved + units, onHandAsOf);
    }

    StockLevel release(long units) {
        return new StockLevel(sku, dealerId, onHand, Math.max(0, reserved - units), onHandAsOf);
    }

    /** Shipped units leave the shelf and the reservation together. */
    StockLevel ship(long units) {
        return new StockLevel(sku, dealerId, Math.max(0, onHand - units), Math.max(0, reserved - units), onHandAsOf);
    }

    InventoryLevel asLevel() {
        return new InventoryLevel(sku, dealerId, onHand, reserved, available());
    }
}
