package com.toprise.order.fulfilment;

import com.toprise.order.courier.Deliveries;
import com.toprise.order.order.Actor;
import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * A cancelled order stops its fulfilments: each open one becomes CANCELLED, its courier is called off first, and
 * none of its lines waits for an admin any more. Stock is not released here: the topology releases the whole
 * order's reservation on the order's cancellation and ignores the fulfilments' CANCELLED after it.
 */
@Component
class FulfilmentCancellations {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentCancellations.class);
    private static final String ORDER = Actor.system("order").label();

    private final FulfilmentStore store;
    private final FulfilmentSteps steps;
    private final Deliveries deliveries;
    private final ManualAssignments manual;
    private final Clock clock = Clock.systemUTC();

    FulfilmentCancellations(FulfilmentStore store, FulfilmentSteps steps, Deliveries deliveries,
                            ManualAssignments manual) {
        this.store = store;
        this.steps = steps;
        this.deliveries = deliveries;
        this.manual = manual;
    }

    /**
     * Safe to run again: a cancelled fulfilment is no longer open. A courier that refuses or cannot be reached does
     * not keep the fulfilment open (the order is cancelled whatever the courier says): it is an alert, logged at
     * WARN with the fulfilment id, for an admin to call the courier off by hand.
     */
    void orderCancelled(String orderId, String reason) {
        for (Fulfilment fulfilment : store.ofOrder(orderId)) {
            if (!fulfilment.open()) {
                continue;
            }
            if (fulfilment.status() == FulfilmentStatus.PACKED || fulfilment.status() == FulfilmentStatus.SHIPPED) {
                callOffCourier(fulfilment, reason);
            }
            steps.run(fulfilment.id(), f -> f.open() ? f.cancel(ORDER, reason, clock.instant()) : Transition.none(f));
        }
        manual.clear(orderId);
    }

    private void callOffCourier(Fulfilment fulfilment, String reason) {
        try {
            deliveries.cancel(fulfilment.id(), "order cancelled" + (reason == null ? "" : ": " + reason));
        } catch (RuntimeException refusedOrUnreachable) {
            log.warn("ALERT the courier's delivery of fulfilment {} could not be cancelled (order cancelled): {}",
                    fulfilment.id(), refusedOrUnreachable.getMessage());
        }
    }
}
