package com.toprise.product.catalog;

import com.toprise.schemas.catalog.CategoryIds;
import com.toprise.schemas.events.ProductUpdated;
import com.toprise.schemas.events.ProductUpdated.ProductStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;

/** A catalog product: one SKU of a brand, placed in category → subcategory → type. */
@Document("products")
public record Product(@Id String id, String sku, String name, String brand, String category, String subCategory,
                      String type, ProductStatus status, BigDecimal price, Instant createdAt, Instant updatedAt) {

    /**
     * The PRODUCT_UPDATED payload: the product as it is after this change, with the ids of its category path, the
     * ids the category tree gives those names, so a dealer's category assignment matches without a lookup.
     */
    ProductUpdated asEvent() {
        return new ProductUpdated(id, sku, name, brand, category, subCategory, type, status, price,
                CategoryIds.path(category, subCategory, type));
    }
}
