package com.toprise.order.wishlist;

import com.toprise.common.web.ConflictException;

import java.time.Instant;

/**
 * One customer's wishlist as its rule sees it: how many SKUs it holds, never more than {@link #MAX_ITEMS}. The
 * bound keeps one account from filling the collection; a SKU already kept can always get a new note.
 *
 * @param size how many SKUs the wishlist holds now
 */
record Wishlist(String customerId, long size) {

    static final int MAX_ITEMS = 200;

    /** The item for a SKU the wishlist does not hold yet; 409 when the wishlist is full. */
    WishlistItem add(String sku, String note, Instant now) {
        if (size >= MAX_ITEMS) {
            throw new ConflictException("A wishlist holds at most " + MAX_ITEMS + " items.");
        }
        return new WishlistItem(WishlistItem.idOf(customerId, sku), customerId, sku, note, now);
    }

    /** A kept item with its new note; it stays where it was added, so the list's order does not change. */
    static WishlistItem renoted(WishlistItem kept, String note) {
        return new WishlistItem(kept.id(), kept.customerId(), kept.sku(), note, kept.addedAt());
    }
}
