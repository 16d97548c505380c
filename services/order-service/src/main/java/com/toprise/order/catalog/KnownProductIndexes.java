package com.toprise.order.catalog;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

/** {@code known_products} is keyed by SKU and read by SKUs only ({@link KnownProducts}): no other index. */
@Component
class KnownProductIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("known_products");
    }
}
