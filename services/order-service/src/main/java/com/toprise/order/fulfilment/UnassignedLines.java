package com.toprise.order.fulfilment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.FieldError;
import com.toprise.common.web.InvalidRequestException;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.FulfilmentUpdated;
import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order's lines that no eligible dealer could take, waiting for Fulfillment-Admin to give them to a dealer by
 * hand (one document per order, id = orderId). {@code waiting} is false once nothing is left, so the admins' list
 * shows only orders that need them; {@code manualAssignments} numbers the admins' requests, which name the
 * fulfilment they ask for ({@code <orderId>-m<n>}), distinct from the topology's {@code <orderId>-<n>}.
 */
@Document("unassigned_lines")
public record UnassignedLines(@Id String orderId, List<FulfilmentShare.Line> lines, boolean waiting,
                              int manualAssignments, Instant since, Instant updatedAt, @JsonIgnore long version) {

    public UnassignedLines {
        lines = List.copyOf(lines);
    }

    static UnassignedLines none(String orderId, Instant at) {
        return new UnassignedLines(orderId, List.of(), false, 0, at, at, 0);
    }

    /** More lines without a dealer; quantities of a SKU already waiting add up. */
    UnassignedLines add(List<FulfilmentShare.Line> more, Instant at) {
        Map<String, Integer> units = units(lines);
        more.forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum));
        List<FulfilmentShare.Line> merged = lines(units);
        return new UnassignedLines(orderId, merged, !merged.isEmpty(), manualAssignments, waiting ? since : at, at,
                version);
    }

    /** The order was cancelled: nothing waits any more. */
    UnassignedLines cleared(Instant at) {
        return new UnassignedLines(orderId, List.of(), false, manualAssignments, since, at, version);
    }

    /** Fulfillment-Admin's request and what is left waiting. */
    record Assignment(UnassignedLines remaining, EventEnvelope<FulfilmentUpdated> request) {
    }

    /**
     * Gives waiting lines to a dealer: the ones asked for ({@code requested}, SKU and quantity, each at most what
     * waits), or all of them when none are named. The request is an OFFERED without a {@code from}, which the
     * topology answers by reserving at that dealer (FULFILMENT_REASSIGNED, cause MANUAL).
     */
    Assignment assign(String dealerId, List<FulfilmentShare.Line> requested, String by, Instant at) {
        if (!waiting) {
            throw new ConflictException("Order " + orderId + " has no lines waiting for a dealer.",
                    Map.of("currentStatus", "NOTHING_WAITING"));
        }
        Map<String, Integer> left = units(lines);
        List<FulfilmentShare.Line> given = requested == null || requested.isEmpty() ? lines : requested;
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            FulfilmentShare.Line line = given.get(i);
            Integer waitingUnits = left.get(line.sku());
            if (waitingUnits == null) {
                errors.add(new FieldError("lines[" + i + "].sku", "is not waiting for a dealer on this order"));
            } else if (line.quantity() > waitingUnits) {
                errors.add(new FieldError("lines[" + i + "].quantity", "must be at most " + waitingUnits
                        + ", the units waiting"));
            } else {
                left.put(line.sku(), waitingUnits - line.quantity());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        left.values().removeIf(units -> units == 0);
        int n = manualAssignments + 1;
        FulfilmentUpdated request = new FulfilmentUpdated(orderId + "-m" + n, orderId, dealerId, null,
                FulfilmentStatus.OFFERED, List.copyOf(given), by, "assigned by hand", at);
        List<FulfilmentShare.Line> rest = lines(left);
        return new Assignment(new UnassignedLines(orderId, rest, !rest.isEmpty(), n, since, at, version),
                EventEnvelope.of(EventType.FULFILMENT_UPDATED, orderId, request, at));
    }

    private static Map<String, Integer> units(List<FulfilmentShare.Line> lines) {
        Map<String, Integer> units = new LinkedHashMap<>();
        lines.forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum));
        return units;
    }

    private static List<FulfilmentShare.Line> lines(Map<String, Integer> units) {
        return units.entrySet().stream().map(e -> new FulfilmentShare.Line(e.getKey(), e.getValue())).toList();
    }
}
