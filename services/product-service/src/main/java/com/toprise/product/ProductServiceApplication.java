package com.toprise.product;

import com.toprise.product.inventory.InventoryQueryProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The catalog (products, categories, brands; PRODUCT_UPDATED and CATEGORY_UPDATED through the outbox), each dealer's
 * physical stock with its adjustment ledger (INVENTORY_CHANGED), and the live stock figures of a SKU, read from the
 * inventory topology's query server.
 */
@SpringBootApplication
@EnableConfigurationProperties(InventoryQueryProperties.class)
public class ProductServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProductServiceApplication.class, args);
    }
}
