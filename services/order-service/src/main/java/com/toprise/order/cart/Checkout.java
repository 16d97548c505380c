package com.toprise.order.cart;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Where the cart's order goes. */
record Checkout(@NotBlank @Size(max = 64) String deliveryAddressId) {
}
