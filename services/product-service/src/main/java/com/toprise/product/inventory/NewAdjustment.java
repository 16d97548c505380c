package com.toprise.product.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A signed change of a dealer's units of a SKU (a stock count, damage, a delivery), with its reason. */
record NewAdjustment(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be a SKU") String sku,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be a dealer id") String dealerId,
        @NotNull @Min(-100_000) @Max(100_000) Long delta,
        @NotBlank @Size(max = 200) String reason) {
}
