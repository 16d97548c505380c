package com.toprise.order.catalog;

import com.toprise.schemas.catalog.CategoryIds;
import com.toprise.schemas.events.ProductUpdated;
import com.toprise.schemas.events.ProductUpdated.ProductStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * order-service's copy of a catalog product, keyed by SKU, as the last PRODUCT_UPDATED described it, with the ids of
 * its category path (what a dealer must carry to be assigned its lines; null on copies stored before categories).
 */
@Document("known_products")
public record KnownProduct(@Id String sku, String productId, String name, String brand, ProductStatus status,
                           BigDecimal price, List<String> categories, Instant updatedAt) {

    public static final String NOT_IN_CATALOG = "is not a product of the catalog";

    /**
     * The category ids of a product: those the event names, else (an event from before product-service sent them)
     * the ids its category names give, the same ids by {@link CategoryIds}' rule.
     */
    static List<String> categoriesOf(ProductUpdated product) {
        if (product.categoryPath() != null && !product.categoryPath().isEmpty()) {
            return product.categoryPath();
        }
        return CategoryIds.path(product.category(), product.subCategory(), product.type());
    }

    public boolean orderable() {
        return status == ProductStatus.LIVE && price != null;
    }

    /** Why a SKU with this copy (null: unknown) cannot be ordered, as a field message; null when it can. */
    public static String refusal(KnownProduct product) {
        if (product == null) {
            return NOT_IN_CATALOG;
        }
        return product.orderable() ? null : "is not on sale (status " + product.status() + ")";
    }
}
