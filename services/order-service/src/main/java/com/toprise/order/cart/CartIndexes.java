package com.toprise.order.cart;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

/** {@code carts} is keyed by the customer's id and read and written only by it ({@link Carts}): no other index. */
@Component
class CartIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("carts");
    }
}
