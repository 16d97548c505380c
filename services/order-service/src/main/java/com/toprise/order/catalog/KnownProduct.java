package com.toprise.order.catalog;

import com.toprise.schemas.events.ProductUpdated.ProductStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;

/** order-service's copy of a catalog product, keyed by SKU, as the last PRODUCT_UPDATED described it. */
@Document("known_products")
public record KnownProduct(@Id String sku, String productId, String name, String brand, ProductStatus status,
                           BigDecimal price, Instant updatedAt) {

    public static final String NOT_IN_CATALOG = "is not a product of the catalog";

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
