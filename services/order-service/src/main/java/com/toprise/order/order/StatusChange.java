package com.toprise.order.order;

import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;

/**
 * One step of an order's status history: from where to where, who moved it ({@link Actor#label()}), when and why.
 * {@code to} is stored as {@code status}, the name the history had when a step recorded only where it went, so the
 * steps of older orders read with {@code from} and {@code by} null.
 */
public record StatusChange(OrderState from, @Field("status") OrderState to, String by, Instant at, String reason) {
}
