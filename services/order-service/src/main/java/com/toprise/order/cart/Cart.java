package com.toprise.order.cart;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A customer's cart: one per customer, SKUs and quantities only; prices are the catalog's when it is read. */
@Document("carts")
record Cart(@Id String customerId, List<CartItem> items, long version, Instant updatedAt) {

    /** Enough for a workshop's weekly order; a bound so one account cannot grow a document without end. */
    static final int MAX_ITEMS = 50;

    static Cart empty(String customerId) {
        return new Cart(customerId, List.of(), 0, null);
    }

    Cart withQuantity(String sku, int quantity, Instant now) {
        List<CartItem> changed = new ArrayList<>();
        boolean found = false;
        for (CartItem item : items) {
            if (item.sku().equals(sku)) {
                changed.add(new CartItem(sku, quantity, item.addedAt()));
                found = true;
            } else {
                changed.add(item);
            }
        }
        if (!found) {
            changed.add(new CartItem(sku, quantity, now));
        }
        return new Cart(customerId, changed, version + 1, now);
    }

    Cart without(List<String> skus, Instant now) {
        return new Cart(customerId, items.stream().filter(i -> !skus.contains(i.sku())).toList(), version + 1, now);
    }

    boolean holds(String sku) {
        return items.stream().anyMatch(i -> i.sku().equals(sku));
    }

    /** One item of a cart. */
    record CartItem(String sku, int quantity, Instant addedAt) {
    }
}
