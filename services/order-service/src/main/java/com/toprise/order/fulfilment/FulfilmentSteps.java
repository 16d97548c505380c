package com.toprise.order.fulfilment;

import com.toprise.common.web.ConflictException;
import com.toprise.common.web.ResourceNotFoundException;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one step of a fulfilment the way every caller needs it: load, let the caller check it may see it, apply
 * the aggregate's transition, write it with its events onto the version it was computed from, and let the order
 * follow when the status moved. A concurrent write (a courier callback racing a dealer) makes it start again from
 * the fresh state, which may then refuse the step with a 409 of its own.
 */
@Component
class FulfilmentSteps {

    private static final int ATTEMPTS = 3;

    private final FulfilmentStore store;
    private final OrderProgress progress;

    FulfilmentSteps(FulfilmentStore store, OrderProgress progress) {
        this.store = store;
        this.progress = progress;
    }

    /**
     * @param check throws when the caller may not act on this fulfilment (someone else's: 404)
     * @return the fulfilment after the step (unchanged when the step changed nothing)
     * @throws ResourceNotFoundException no fulfilment has this id
     */
    Fulfilment run(String id, Consumer<Fulfilment> check, Function<Fulfilment, Transition> step) {
        for (int attempt = 1; ; attempt++) {
            Fulfilment before = store.find(id).orElseThrow(() -> new ResourceNotFoundException("fulfilments", id));
            check.accept(before);
            Transition transition = step.apply(before);
            if (!transition.changed(before)) {
                return before;
            }
            if (store.write(before, transition)) {
                Fulfilment after = transition.fulfilment();
                if (after.status() != before.status()) {
                    progress.follow(after.orderId());
                }
                return after;
            }
            if (attempt == ATTEMPTS) {
                throw new ConflictException("Fulfilment " + id + " kept changing meanwhile; try again.");
            }
        }
    }

    /** A step of the platform itself (courier, topology, the order's cancellation): nobody to check. */
    Fulfilment run(String id, Function<Fulfilment, Transition> step) {
        return run(id, fulfilment -> { }, step);
    }
}
