package com.toprise.topology.inventory;

import com.toprise.schemas.events.InventoryLevel;

import java.time.Instant;

/**
 * One dealer's stock of one SKU as the topology keeps it. product-service owns the physical count (its figures
 * arrive as absolute numbers, so a redelivered one changes nothing and one older than {@code onHandAsOf} is
 * ignored); the topology owns reserved. Shipping is the one move both see: the topology takes the units off at
 * once and product-service takes them off its stock document when it reads the topology's SHIPPED, answering with a
 * SHIPPED figure of its own. Until that answer a figure of product-service's still counts the shipped units, so
 * {@code shippedAhead} holds them and every figure is read less them: a stock adjustment that crosses a shipment
 * can neither put shipped parts back on the shelf nor take them off twice.
 *
 * @param shippedAhead units shipped here that product-service's figures have not counted yet; absent (0) in levels
 *                     stored before shipments were counted
 */
record StockLevel(String sku, String dealerId, long onHand, long reserved, Instant onHandAsOf, Long shippedAhead) {

    StockLevel {
        shippedAhead = shippedAhead == null ? 0L : shippedAhead;
    }

    StockLevel(String sku, String dealerId, long onHand, long reserved, Instant onHandAsOf) {
        this(sku, dealerId, onHand, reserved, onHandAsOf, 0L);
    }

    long available() {
        return Math.max(0, onHand - reserved);
    }

    /**
     * product-service's figure of the physical count as of {@code asOf}, which took {@code shipmentCounted} units of
     * earlier shipments off (0 for an adjustment): what is on the shelf is that figure less the shipments it has not
     * counted yet.
     */
    StockLevel withFigure(long figure, long shipmentCounted, Instant asOf) {
        long ahead = Math.max(0, shippedAhead - shipmentCounted);
        return new StockLevel(sku, dealerId, Math.max(0, figure - ahead), reserved, asOf, ahead);
    }

    StockLevel reserve(long units) {
        return new StockLevel(sku, dealerId, onHand, reserved + units, onHandAsOf, shippedAhead);
    }

    StockLevel release(long units) {
        return new StockLevel(sku, dealerId, onHand, Math.max(0, reserved - units), onHandAsOf, shippedAhead);
    }

    /** Shipped units leave the shelf and the reservation together, ahead of product-service's count. */
    StockLevel ship(long units) {
        long taken = Math.min(units, onHand);
        return new StockLevel(sku, dealerId, onHand - taken, Math.max(0, reserved - units), onHandAsOf,
                shippedAhead + taken);
    }

    InventoryLevel asLevel() {
        return new InventoryLevel(sku, dealerId, onHand, reserved, available());
    }
}
