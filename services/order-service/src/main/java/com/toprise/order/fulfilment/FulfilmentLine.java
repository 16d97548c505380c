package com.toprise.order.fulfilment;

import com.toprise.schemas.events.FulfilmentShare;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One SKU of a dealer's fulfilment: what the picklist shows (SKU, name, quantity) and the steps it went through,
 * each with its time, so the customer sees every line's progress and not only the order's.
 *
 * @param status the last of {@code steps}; null until the fulfilment is accepted
 */
public record FulfilmentLine(String sku, String name, int quantity, LineStatus status, List<LineStep> steps) {

    public FulfilmentLine {
        steps = List.copyOf(steps);
    }

    static FulfilmentLine offered(String sku, String name, int quantity) {
        return new FulfilmentLine(sku, name, quantity, null, List.of());
    }

    /**
     * The next step at {@code at}, but never before the line's previous one: a courier's times come in whole seconds
     * from its clock, so its pick-up can read up to a second before the packing this service stamped, and the
     * customer's timeline (sorted by time) would show the line shipped before it was assigned.
     */
    FulfilmentLine moveTo(LineStatus to, Instant at) {
        List<LineStep> more = new ArrayList<>(steps);
        Instant previous = steps.isEmpty() ? null : steps.get(steps.size() - 1).at();
        more.add(new LineStep(to, previous != null && at.isBefore(previous) ? previous : at));
        return new FulfilmentLine(sku, name, quantity, to, more);
    }

    boolean picked() {
        return status != null && status.compareTo(LineStatus.PICKED) >= 0 && status != LineStatus.CANCELLED;
    }

    FulfilmentShare.Line asShareLine() {
        return new FulfilmentShare.Line(sku, quantity);
    }
}
