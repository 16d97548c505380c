package com.toprise.order.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What a customer sends to place an order. */
public record NewOrder(
        @NotEmpty @Size(max = NewOrder.MAX_LINES, message = "may hold at most " + NewOrder.MAX_LINES + " lines")
        List<@NotNull @Valid NewOrderLine> lines,
        @NotBlank @Size(max = 64) String deliveryAddressId) {

    public static final int MAX_LINES = 50;
}
