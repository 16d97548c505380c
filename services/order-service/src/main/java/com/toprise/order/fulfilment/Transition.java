package com.toprise.order.fulfilment;

import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.FulfilmentUpdated;

import java.util.List;

/**
 * What one of {@link Fulfilment}'s transitions made of it: the fulfilment after the step and the events the step
 * causes, stored together in one write. A step that moves a line but not the fulfilment (a pick) causes none.
 */
public record Transition(Fulfilment fulfilment, List<EventEnvelope<FulfilmentUpdated>> events) {

    public Transition {
        events = List.copyOf(events);
    }

    /** Nothing happened: the same fulfilment, no events, nothing to write. */
    static Transition none(Fulfilment fulfilment) {
        return new Transition(fulfilment, List.of());
    }

    /** The fulfilment changed without moving (a line picked, a booking recorded): written, but nothing to tell. */
    static Transition silent(Fulfilment changed) {
        return new Transition(changed, List.of());
    }

    boolean changed(Fulfilment before) {
        return !fulfilment.equals(before);
    }
}
