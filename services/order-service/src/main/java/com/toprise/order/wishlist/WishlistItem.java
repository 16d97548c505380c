package com.toprise.order.wishlist;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A SKU a customer keeps for later; one document per customer and SKU, so adding twice keeps one. */
@Document("wishlist_items")
record WishlistItem(@Id String id, String customerId, String sku, String note, Instant addedAt) {

    static String idOf(String customerId, String sku) {
        return customerId + "|" + sku;
    }
}
