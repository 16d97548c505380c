package com.toprise.order.courier;

import java.time.Instant;

/**
 * What the courier's progress means for a fulfilment, reported by the Borzo callbacks: the fulfilment side
 * implements it (SHIPPED on pick-up, DELIVERED, back to PACKED with an alert on a cancelled delivery). Several
 * implementations may listen; none is needed for the service to start.
 *
 * <p>Delivery is at least once: after a failure (the callback is answered non-2xx and Borzo sends it again) a
 * milestone may be reported a second time, so an implementation ignores a repeat of a transition it already made.
 * A milestone is reported once it happened even when its callback was lost: a {@code finished} without an earlier
 * {@code parcel_picked_up} reports {@link #pickedUp} before {@link #delivered}.
 */
public interface DeliveryProgress {

    /** The courier has the parcel ({@code parcel_picked_up}). */
    void pickedUp(String fulfilmentId, Instant at);

    /** The customer has the parcel ({@code finished}). */
    void delivered(String fulfilmentId, Instant at);

    /** Borzo cancelled the delivery ({@code canceled}) before it was finished; the parcel is still at the dealer. */
    void deliveryCancelled(String fulfilmentId, String reason, Instant at);
}
