package com.toprise.order.wishlist;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

import static com.toprise.common.mongo.IndexKey.asc;
import static com.toprise.common.mongo.IndexKey.desc;

/**
 * The indexes of {@code wishlist_items}: a customer's items, newest first, and their count. A customer keeps at
 * most {@link Wishlist}'s cap of items, so the other sort (by SKU) sorts those few in memory.
 */
@Component
class WishlistItemIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("wishlist_items")
                .index("a customer's wishlist, newest first, and its size", asc("customerId"), desc("addedAt"))
                .bounded("customerId", "a wishlist holds at most " + Wishlist.MAX_ITEMS + " items");
    }
}
