package com.toprise.order.fulfilment;

import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;

import java.time.Instant;

/**
 * One step of a fulfilment's history: from where to where, who ({@code DEALER:d-1}, {@code SYSTEM:courier}), when
 * and why. A step may stay where it was ({@code from == to}) when something worth keeping happened without a
 * move, such as a courier cancelling a delivery of a parcel it had not collected.
 */
public record FulfilmentChange(FulfilmentStatus from, FulfilmentStatus to, String by, Instant at, String reason) {
}
