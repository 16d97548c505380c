package com.toprise.order.order;

import com.toprise.common.outbox.OutboxWriter;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.OrderStatusChanged;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one move of an order causes: the order after it, the steps it adds to the history (more than one when a
 * fulfilment report skips a state) and one ORDER_STATUS_CHANGED per step.
 */
public record OrderTransition(Order before, Order after, List<StatusChange> steps,
                              List<EventEnvelope<OrderStatusChanged>> events) {

    /**
     * The transition as one conditional write with its events: it applies only while the order is still in the
     * state it was read in, so of two racing moves from the same state one lands and the other matches nothing.
     * Only what the move changed is written (dealers added, never replaced), so a concurrent
     * {@link OrderLifecycle#addDealers} is not undone.
     */
    OutboxWriter.Change change() {
        Query stillThere = Query.query(Criteria.where("_id").is(before.id()).and("status").is(before.status()));
        Update update = new Update().set("status", after.status()).set("updatedAt", after.updatedAt());
        update.push("statusHistory").each(steps.toArray());
        if (!Objects.equals(before.lines(), after.lines())) {
            update.set("lines", after.lines());
        }
        List<String> added = new ArrayList<>(after.dealerIds() == null ? List.of() : after.dealerIds());
        added.removeAll(before.dealerIds() == null ? List.of() : before.dealerIds());
        if (!added.isEmpty()) {
            update.addToSet("dealerIds").each(added.toArray());
        }
        return new OutboxWriter.Change(stillThere, update, List.<EventEnvelope<?>>copyOf(events));
    }
}
