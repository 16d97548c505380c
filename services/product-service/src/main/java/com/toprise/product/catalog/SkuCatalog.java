package com.toprise.product.catalog;

import org.springframework.stereotype.Component;

/** Whether a SKU is in the catalog, for the parts of the service that refer to products by SKU. */
@Component
public class SkuCatalog {

    private final ProductRepository products;

    SkuCatalog(ProductRepository products) {
        this.products = products;
    }

    public boolean exists(String sku) {
        return products.existsBySku(sku);
    }
}
