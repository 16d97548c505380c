package com.toprise.product.catalog;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

import static com.toprise.common.mongo.IndexKey.asc;
import static com.toprise.common.mongo.IndexKey.desc;

/**
 * The indexes of {@code products}: a SKU names one product (unique, so two creates racing with the same SKU cannot
 * both pass {@link ProductCatalog}'s check), and the catalog list sorts by each of its sortable fields.
 */
@Component
class ProductIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("products")
                .unique("a product by SKU (existsBySku), the list by SKU", asc("sku"))
                .index("the list by name (its default)", asc("name"))
                .index("the list by price", asc("price"))
                .index("the list by last change", desc("updatedAt"));
    }
}
