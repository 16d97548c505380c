package com.toprise.product;

import com.toprise.product.inventory.InventoryQueryProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Catalog, brands, variants, purchase orders, QC approval, inventory and search. */
@SpringBootApplication
@EnableConfigurationProperties(InventoryQueryProperties.class)
public class ProductServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProductServiceApplication.class, args);
    }
}
