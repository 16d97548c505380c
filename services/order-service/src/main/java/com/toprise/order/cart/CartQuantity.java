package com.toprise.order.cart;

import com.toprise.order.order.NewOrderLine;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How many units of a SKU the cart should hold. */
record CartQuantity(
        @NotNull @Min(value = 1, message = "must be at least 1; remove the item instead")
        @Max(value = NewOrderLine.MAX_QUANTITY, message = "must be at most " + NewOrderLine.MAX_QUANTITY) Integer quantity) {
}
