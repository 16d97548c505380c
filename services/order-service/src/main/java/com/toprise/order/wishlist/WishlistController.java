package com.toprise.order.wishlist;

import com.toprise.common.access.Access;
import com.toprise.common.access.ProtectedResource;
import com.toprise.common.paging.MongoPages;
import com.toprise.common.paging.PageQuery;
import com.toprise.common.paging.PageResponse;
import com.toprise.common.paging.Sortable;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.order.catalog.KnownProduct;
import com.toprise.order.catalog.KnownProducts;
import com.toprise.order.order.NewOrderLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The caller's wishlist: SKUs kept for later, any catalog status (a Draft part may go Live next week). */
@RestController
@RequestMapping("/api/wishlist")
@ProtectedResource("wishlist")
@Validated
class WishlistController {

    static final int MAX_ITEMS = 200;

    private final MongoTemplate mongo;
    private final KnownProducts products;

    WishlistController(MongoTemplate mongo, KnownProducts products) {
        this.mongo = mongo;
        this.products = products;
    }

    @GetMapping
    PageResponse<WishlistView> list(Access access,
                                    @Sortable(value = {"addedAt", "sku"}, defaultSort = "addedAt,desc") PageQuery page) {
        Page<WishlistItem> items = MongoPages.find(mongo, mine(access), WishlistItem.class, page);
        Map<String, KnownProduct> known = products.bySku(items.map(WishlistItem::sku).toList());
        return PageResponse.of(items, i -> WishlistView.of(i, known.get(i.sku())));
    }

    /** Adds the SKU, or changes its note; idempotent. */
    @PutMapping("/{sku}")
    WishlistView put(@PathVariable @Pattern(regexp = NewOrderLine.SKU, message = "is not a SKU") String sku,
                     @Valid @RequestBody(required = false) WishlistEntry entry, Access access) {
        KnownProduct product = products.bySku(List.of(sku)).get(sku);
        if (product == null) {
            throw InvalidRequestException.of("sku", KnownProduct.NOT_IN_CATALOG);
        }
        String id = WishlistItem.idOf(access.userId(), sku);
        WishlistItem existing = mongo.findById(id, WishlistItem.class);
        if (existing == null
                && mongo.count(mine(access), WishlistItem.class) >= MAX_ITEMS) {
            throw new ConflictException("A wishlist holds at most " + MAX_ITEMS + " items.");
        }
        String note = entry == null ? null : entry.note();
        WishlistItem item = new WishlistItem(id, access.userId(), sku, note,
                existing == null ? Instant.now() : existing.addedAt());
        return WishlistView.of(mongo.save(item), product);
    }

    private static Query mine(Access access) {
        return Query.query(Criteria.where("customerId").is(access.userId()));
    }

    @DeleteMapping("/{sku}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable @Pattern(regexp = NewOrderLine.SKU, message = "is not a SKU") String sku, Access access) {
        String id = WishlistItem.idOf(access.userId(), sku);
        if (mongo.remove(Query.query(Criteria.where("_id").is(id)), WishlistItem.class).getDeletedCount() == 0) {
            throw new ResourceNotFoundException("wishlist items", sku);
        }
    }
}
