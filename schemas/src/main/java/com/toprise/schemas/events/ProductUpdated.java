package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/**
 * A catalog product as it is now (created or changed). Keyed by productId. {@code categoryPath} holds the category
 * ids of its category, subcategory and type, as far as they are given
 * ({@link com.toprise.schemas.catalog.CategoryIds}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductUpdated(String productId, String sku, String name, String brand, String category,
                             String subCategory, String type, ProductStatus status, BigDecimal price,
                             List<String> categoryPath) {

    public enum ProductStatus { DRAFT, QC, LIVE, REJECTED, ARCHIVED }
}
