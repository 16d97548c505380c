package com.toprise.order.order;

/** The answer of order intake: the order, and whether this request stored it or found it from an earlier one. */
public record Placement(Order order, boolean replayed) {
}
