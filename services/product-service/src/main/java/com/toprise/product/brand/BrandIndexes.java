package com.toprise.product.brand;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

import static com.toprise.common.mongo.IndexKey.asc;

/** The indexes of {@code brands}: keyed by code; the list sorts by code ({@code _id}) or by name. */
@Component
class BrandIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("brands")
                .index("the list by name (its default)", asc("name"));
    }
}
