package com.toprise.order.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a buyer or staff sends to cancel an order: why, kept in the order's history and sent with the event. */
public record CancelOrder(@NotBlank @Size(max = CancelOrder.MAX_REASON) String reason) {

    public static final int MAX_REASON = 500;
}
