package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The live stock of one SKU at one dealer, as the inventory topology keeps it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InventoryLevel(String sku, String dealerId, long onHand, long reserved, long available) {
}
