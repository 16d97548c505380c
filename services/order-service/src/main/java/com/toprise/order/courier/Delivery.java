package com.toprise.order.courier;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The courier booking of one fulfilment (collection {@code deliveries}, id = the fulfilment id), and the rules of
 * how Borzo's delivery statuses move it. {@code status} is Borzo's delivery status as last reported (planned,
 * courier_assigned, … parcel_picked_up, … finished, canceled), or {@link #BOOKING} while our create-order call is
 * in flight: that claim is what keeps two concurrent bookings of one fulfilment from both reaching Borzo.
 *
 * <p>Callbacks may arrive out of order and more than once: the status only moves to a newer event, never out of
 * finished or canceled, and each milestone happens once (its time field is set), whatever the order of arrival.
 * A delivery emits no events of its own; its milestones go to {@link DeliveryProgress}, whose implementation
 * writes the fulfilment's events through the outbox.
 *
 * @param cancelledBorzoOrderIds Borzo orders of earlier, cancelled bookings of this fulfilment: their late
 *                               callbacks are recognised (and ignored) instead of being answered 404
 * @param statusAt               the event time of the callback that set {@code status} (null before the first:
 *                               our own clock is not compared with Borzo's)
 * @param version                incremented by every write; a write expects the version it read
 */
@Document("deliveries")
public record Delivery(@Id String id, String orderId, String borzoOrderId, String status, String trackingUrl,
                       BigDecimal quotedFee, BigDecimal fee, Stop pickup, Stop drop, BigDecimal takingAmount,
                       List<String> cancelledBorzoOrderIds, Instant statusAt, Instant pickedUpAt,
                       Instant deliveredAt, Instant cancelledAt, String cancelReason, Instant bookedAt,
                       Instant updatedAt, long version) {

    /** Ours: the create-order call for this delivery has not answered yet. */
    public static final String BOOKING = "booking";
    public static final String PLANNED = "planned";
    public static final String PICKED_UP = "parcel_picked_up";
    public static final String FINISHED = "finished";
    public static final String CANCELED = "canceled";

    private static final Set<String> TERMINAL = Set.of(FINISHED, CANCELED);

    /** What a callback meant beyond the status: the milestones the fulfilment is told about. */
    public enum Milestone { PICKED_UP, DELIVERED, CANCELLED }

    /** The delivery after a callback, and the milestones it reached by it (none for a stale or repeated one). */
    public record Transition(Delivery delivery, List<Milestone> milestones) {
    }

    public Delivery {
        cancelledBorzoOrderIds = cancelledBorzoOrderIds == null ? List.of() : List.copyOf(cancelledBorzoOrderIds);
    }

    /** The claim written before Borzo is called. */
    static Delivery booking(DeliveryRequest request, Instant now) {
        return new Delivery(request.fulfilmentId(), request.orderId(), null, BOOKING, null, null, null,
                request.pickup(), request.drop(), request.takingAmount(), List.of(), null, null, null, null, null,
                null, now, 0);
    }

    /**
     * Whether a new booking may replace this one: it was cancelled (the fulfilment is packed again and needs a
     * courier), or its claim is older than {@code claimTtl} (the booking process died before Borzo answered).
     */
    boolean rebookable(Instant now, Duration claimTtl) {
        return CANCELED.equals(status) || BOOKING.equals(status) && updatedAt.plus(claimTtl).isBefore(now);
    }

    /** A new claim in place of this cancelled or abandoned booking, remembering the Borzo order it replaces. */
    Delivery rebooking(DeliveryRequest request, Instant now) {
        List<String> cancelled = new ArrayList<>(cancelledBorzoOrderIds);
        if (borzoOrderId != null) {
            cancelled.add(borzoOrderId);
        }
        return new Delivery(id, request.orderId(), null, BOOKING, null, null, null, request.pickup(),
                request.drop(), request.takingAmount(), cancelled, null, null, null, null, null, null, now,
                version + 1);
    }

    /** The claim completed with Borzo's answer to create-order. */
    Delivery booked(BorzoOrder order, BigDecimal quote, Instant now) {
        BorzoOrder.Point dropPoint = order.pointFor(id);
        String deliveryStatus = dropPoint == null || dropPoint.deliveryStatus() == null ? PLANNED
                : dropPoint.deliveryStatus();
        return new Delivery(id, orderId, order.orderId(), deliveryStatus,
                dropPoint == null ? null : dropPoint.trackingUrl(), quote, order.deliveryFee(), pickup, drop,
                takingAmount, cancelledBorzoOrderIds, null, null, null, null, null, now, now, version + 1);
    }

    /** The same delivery written as {@code next}, for restoring it over a claim that failed. */
    Delivery withVersion(long next) {
        return new Delivery(id, orderId, borzoOrderId, status, trackingUrl, quotedFee, fee, pickup, drop,
                takingAmount, cancelledBorzoOrderIds, statusAt, pickedUpAt, deliveredAt, cancelledAt, cancelReason,
                bookedAt, updatedAt, next);
    }

    /** Whether Borzo still has a courier task for it: booked, and neither finished nor cancelled. */
    public boolean open() {
        return borzoOrderId != null && !TERMINAL.contains(status);
    }

    /** Cancelled on our side (the order was cancelled); Borzo has been told. */
    Delivery cancelled(String reason, Instant now) {
        return new Delivery(id, orderId, borzoOrderId, CANCELED, trackingUrl, quotedFee, fee, pickup, drop,
                takingAmount, cancelledBorzoOrderIds, now, pickedUpAt, deliveredAt, now, reason, bookedAt, now,
                version + 1);
    }

    /**
     * Applies one delivery status reported by Borzo at {@code at}.
     *
     * @param reason Borzo's description, kept as the cancel reason of a canceled delivery
     */
    Transition apply(String reported, String reason, Instant at, Instant now) {
        if (TERMINAL.contains(status)) {
            return new Transition(this, List.of());
        }
        List<Milestone> reached = new ArrayList<>();
        Instant pickedUp = pickedUpAt;
        Instant delivered = null;
        Instant cancelled = null;
        if ((PICKED_UP.equals(reported) || FINISHED.equals(reported)) && pickedUp == null) {
            pickedUp = at;
            reached.add(Milestone.PICKED_UP);
        }
        if (FINISHED.equals(reported)) {
            delivered = at;
            reached.add(Milestone.DELIVERED);
        } else if (CANCELED.equals(reported)) {
            cancelled = at;
            reached.add(Milestone.CANCELLED);
        }
        boolean newer = statusAt == null || !at.isBefore(statusAt) || TERMINAL.contains(reported);
        if (!newer && reached.isEmpty()) {
            return new Transition(this, List.of());
        }
        return new Transition(new Delivery(id, orderId, borzoOrderId, newer ? reported : status, trackingUrl,
                quotedFee, fee, pickup, drop, takingAmount, cancelledBorzoOrderIds, newer ? at : statusAt, pickedUp,
                delivered, cancelled, cancelled == null ? null : reason, bookedAt, now, version + 1), reached);
    }
}
