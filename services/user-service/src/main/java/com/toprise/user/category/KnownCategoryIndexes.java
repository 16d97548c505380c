package com.toprise.user.category;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

/** {@code catalog_categories} is read by category ids only ({@link KnownCategories#check}): no other index. */
@Component
class KnownCategoryIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("catalog_categories");
    }
}
