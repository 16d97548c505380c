package com.toprise.order.wishlist;

import com.toprise.common.paging.MongoPages;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.order.catalog.KnownProduct;
import com.toprise.order.catalog.KnownProducts;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Customers' wishlists in the store: one document per customer and SKU, any catalog status (a Draft part may go
 * Live next week), shown with the catalog's current name and price. The cap is {@link Wishlist}'s.
 */
@Service
class Wishlists {

    private final MongoTemplate mongo;
    private final KnownProducts products;
    private final Clock clock = Clock.systemUTC();

    Wishlists(MongoTemplate mongo, KnownProducts products) {
        this.mongo = mongo;
        this.products = products;
    }

    PageResponse<WishlistView> list(String customerId, PageQuery page) {
        Page<WishlistItem> items = MongoPages.find(mongo, of(customerId), WishlistItem.class, page);
        Map<String, KnownProduct> known = products.bySku(items.map(WishlistItem::sku).toList());
        return PageResponse.of(items, i -> WishlistView.of(i, known.get(i.sku())));
    }

    /** Adds the SKU, or changes its note; idempotent. A SKU the catalog does not know is a field error. */
    WishlistView put(String customerId, String sku, String note) {
        KnownProduct product = products.bySku(List.of(sku)).get(sku);
        if (product == null) {
            throw InvalidRequestException.of("sku", KnownProduct.NOT_IN_CATALOG);
        }
        WishlistItem kept = mongo.findById(WishlistItem.idOf(customerId, sku), WishlistItem.class);
        // counted only for a new SKU: changing a note never needs room
        WishlistItem item = kept != null ? Wishlist.renoted(kept, note)
                : new Wishlist(customerId, mongo.count(of(customerId), WishlistItem.class)).add(sku, note, clock.instant());
        return WishlistView.of(mongo.save(item), product);
    }

    void remove(String customerId, String sku) {
        String id = WishlistItem.idOf(customerId, sku);
        if (mongo.remove(Query.query(Criteria.where("_id").is(id)), WishlistItem.class).getDeletedCount() == 0) {
            throw new ResourceNotFoundException("wishlist items", sku);
        }
    }

    private static Query of(String customerId) {
        return Query.query(Criteria.where("customerId").is(customerId));
    }
}
