package com.toprise.order.order;

import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/**
 * Filters of the order list, all optional: status, placed within [from, to), and (for those who see every order)
 * one customer's.
 */
public record OrderFilter(OrderState status, Instant from, Instant to,
                          @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "is not a user id") String customerId) {
}
