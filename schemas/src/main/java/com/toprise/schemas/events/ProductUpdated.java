package com.toprise.schemas.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/** A catalog product as it is now (created or changed). Keyed by productId. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductUpdated(String productId, String sku, String name, String brand, String category,
                             String subCategory, String type, ProductStatus status, BigDecimal price) {

    public enum ProductStatus { DRAFT, QC, LIVE, REJECTED, ARCHIVED }
}
