package com.toprise.order.cart;

import com.toprise.order.catalog.KnownProduct;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A cart as the customer sees it: each item at today's catalog price, items no longer on sale flagged (they stay in
 * the cart, but checkout refuses them), and the total of the orderable ones.
 */
record CartView(List<Item> items, BigDecimal total, String currency, Instant updatedAt) {

    static CartView of(Cart cart, Map<String, KnownProduct> products, String currency) {
        List<Item> items = cart.items().stream().map(i -> Item.of(i, products.get(i.sku()))).toList();
        BigDecimal total = items.stream().filter(Item::orderable).map(Item::lineTotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CartView(items, total, currency, cart.updatedAt());
    }

    record Item(String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal, boolean orderable,
                Instant addedAt) {

        static Item of(Cart.CartItem item, KnownProduct product) {
            boolean orderable = product != null && product.orderable();
            BigDecimal price = orderable ? product.price() : null;
            return new Item(item.sku(), product == null ? null : product.name(), item.quantity(), price,
                    orderable ? price.multiply(BigDecimal.valueOf(item.quantity())) : null, orderable, item.addedAt());
        }
    }
}
