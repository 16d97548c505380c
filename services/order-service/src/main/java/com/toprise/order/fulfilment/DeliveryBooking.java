package com.toprise.order.fulfilment;

import java.time.Instant;

/**
 * The last word on a packed fulfilment's courier delivery: booked, booking failed (the courier refused or could not
 * be reached; an admin retries) or cancelled by the courier (an alert; the parcel waits for a new booking).
 *
 * @param note the courier's error or reason; null when booked
 */
public record DeliveryBooking(State state, String note, Instant at) {

    public enum State { BOOKED, FAILED, CANCELLED }

    boolean open() {
        return state == State.BOOKED;
    }
}
