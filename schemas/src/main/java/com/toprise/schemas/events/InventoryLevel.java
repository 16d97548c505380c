package com.toprise.schemas.events;

/** The live stock of one SKU at one dealer, as the inventory topology keeps it. */
public record InventoryLevel(String sku, String dealerId, long onHand, long reserved, long available) {
}
