package com.toprise.order.fulfilment;

import com.toprise.order.courier.DeliveryProgress;
import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The courier's milestones applied to the fulfilment: picked up → SHIPPED, finished → DELIVERED, a cancelled
 * delivery → back to PACKED (an alert: logged at WARN and kept in the history, the parcel needs a new booking).
 * Callbacks come at least once, so a milestone the fulfilment has already passed changes nothing, and one for a
 * fulfilment that has ended (cancelled with its order) is ignored.
 */
@Component
class FulfilmentDeliveryProgress implements DeliveryProgress {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentDeliveryProgress.class);
    private static final Set<FulfilmentStatus> SHIPPED_OR_LATER = EnumSet.of(FulfilmentStatus.SHIPPED,
            FulfilmentStatus.DELIVERED);

    private final FulfilmentSteps steps;

    FulfilmentDeliveryProgress(FulfilmentSteps steps) {
        this.steps = steps;
    }

    @Override
    public void pickedUp(String fulfilmentId, Instant at) {
        apply(fulfilmentId, "picked up", f -> SHIPPED_OR_LATER.contains(f.status()) ? Transition.none(f)
                : f.shipped(at));
    }

    @Override
    public void delivered(String fulfilmentId, Instant at) {
        apply(fulfilmentId, "delivered", f -> f.status() == FulfilmentStatus.DELIVERED ? Transition.none(f)
                : f.delivered(at));
    }

    @Override
    public void deliveryCancelled(String fulfilmentId, String reason, Instant at) {
        log.warn("ALERT the courier cancelled the delivery of fulfilment {}: {}; it is PACKED again and needs a new "
                + "booking", fulfilmentId, reason);
        apply(fulfilmentId, "returned", f -> f.status() == FulfilmentStatus.PACKED && f.delivery() != null
                && f.delivery().state() == DeliveryBooking.State.CANCELLED ? Transition.none(f)
                : f.deliveryCancelled(reason, at));
    }

    /** A fulfilment that ended meanwhile (the order was cancelled) ignores the courier's late news. */
    private void apply(String fulfilmentId, String milestone, Function<Fulfilment, Transition> step) {
        Fulfilment after = steps.run(fulfilmentId, f -> f.open() ? step.apply(f) : Transition.none(f));
        log.info("fulfilment {} {} by the courier: {}", fulfilmentId, milestone, after.status());
    }
}
