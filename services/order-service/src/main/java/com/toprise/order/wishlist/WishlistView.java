package com.toprise.order.wishlist;

import com.toprise.order.catalog.KnownProduct;

import java.math.BigDecimal;
import java.time.Instant;

/** A wishlist item with the catalog's current name, price and whether it can be ordered now. */
record WishlistView(String sku, String name, BigDecimal price, boolean orderable, String note, Instant addedAt) {

    static WishlistView of(WishlistItem item, KnownProduct product) {
        boolean orderable = product != null && product.orderable();
        return new WishlistView(item.sku(), product == null ? null : product.name(), orderable ? product.price() : null,
                orderable, item.note(), item.addedAt());
    }
}
