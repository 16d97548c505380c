package com.toprise.product.catalog;

import com.toprise.schemas.events.ProductUpdated.ProductStatus;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** What a catalog admin sends to create or change a product. */
record ProductDetails(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}", message = "must be 3-40 upper-case letters, digits or dashes")
        String sku,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String brand,
        @NotBlank @Size(max = 100) String category,
        @Size(max = 100) String subCategory,
        @Size(max = 100) String type,
        @NotNull ProductStatus status,
        @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 9, fraction = 2) BigDecimal price) {
}
