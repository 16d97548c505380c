package com.toprise.product.category;

import com.toprise.common.mongo.CollectionIndexes;
import com.toprise.common.mongo.IndexDeclaration;
import org.springframework.stereotype.Component;

import static com.toprise.common.mongo.IndexKey.asc;

/**
 * The indexes of {@code categories}: a node's children (its active ones, when {@link CategoryTree} deactivates it,
 * and the list of them, by any sort: a node has tens of children at most), one level of the tree by name or id, and
 * the whole tree by name.
 */
@Component
class CategoryIndexes implements IndexDeclaration {

    @Override
    public CollectionIndexes indexes() {
        return CollectionIndexes.of("categories")
                .index("a node's children, its active children", asc("parentId"), asc("active"))
                .bounded("parentId", "a node of the three-level tree has tens of children at most")
                .index("one level by name (the list's default)", asc("level"), asc("name"))
                .index("one level by id", asc("level"), asc("_id"))
                .index("the whole tree by name", asc("name"));
    }
}
