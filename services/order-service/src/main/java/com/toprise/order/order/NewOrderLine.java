package com.toprise.order.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A SKU and how many units of it; the price is the catalog's, never the client's. */
public record NewOrderLine(
        @NotBlank @Pattern(regexp = NewOrderLine.SKU, message = "is not a SKU") String sku,
        @NotNull @Min(value = 1, message = "must be at least 1")
        @Max(value = NewOrderLine.MAX_QUANTITY, message = "must be at most " + NewOrderLine.MAX_QUANTITY) Integer quantity) {

    /** Parts are bought per vehicle or per workshop, not per warehouse; bigger needs go through purchase orders. */
    public static final int MAX_QUANTITY = 100;

    /** What a SKU looks like, wherever one comes in (order lines, cart and wishlist paths). */
    public static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
}
