package com.toprise.product.catalog;

import com.toprise.schemas.events.ProductUpdated;
import com.toprise.schemas.events.ProductUpdated.ProductStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT_UPDATED carries the category ids of the product's path as the category tree names its nodes, so order
 * intake and the dealer assignment match a dealer's categories without asking product-service.
 */
class ProductTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theEventCarriesTheIdsOfTheCategoryPath() {
        ProductUpdated event = product("Brakes", "Brake Pads", "Ceramic").asEvent();

        assertThat(event.categoryPath()).containsExactly("brakes", "brakes-brake-pads", "brakes-brake-pads-ceramic");
        assertThat(event.category()).isEqualTo("Brakes");
    }

    @Test
    void aPathStopsAtTheFirstLevelNotGiven() {
        assertThat(product("Brakes", null, "Ceramic").asEvent().categoryPath()).containsExactly("brakes");
        assertThat(product(null, null, null).asEvent().categoryPath()).isEqualTo(List.of());
    }

    private static Product product(String category, String subCategory, String type) {
        return new Product("p-1", "BRK-1", "Brake pad", "Bosch", category, subCategory, type, ProductStatus.LIVE,
                new BigDecimal("10.00"), T, T);
    }
}
