package com.toprise.order.order;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.toprise.common.web.ConflictException;
import com.toprise.order.delivery.Destination;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.events.OrderStatusChanged;
import com.toprise.schemas.events.OrderValidated;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A customer's order and the rules of its lifecycle. Its id is derived from the customer and the Idempotency-Key it
 * was placed with, so the same key can never store a second order; {@code requestFingerprint} tells a true retry
 * from a different request reusing the key. Every move between states is a method here that returns what it causes
 * ({@link OrderTransition}: the order after it, its history steps, one ORDER_STATUS_CHANGED per step), or refuses
 * with a 409 naming the current state when {@link OrderState}'s table does not allow it to the actor.
 */
@Document("orders")
public record Order(@Id String id, String customerId, OrderState status, List<OrderLine> lines,
                    BigDecimal totalAmount, String currency, Destination delivery, List<String> dealerIds,
                    List<StatusChange> statusHistory, @JsonIgnore String requestFingerprint, Instant createdAt,
                    Instant updatedAt) {

    /** Who decides the verdict, as the history names it. */
    private static final Actor INVENTORY = Actor.system("inventory");

    /** The new order as the inventory topology needs it to reserve and assign: where it goes, what each line is. */
    EventEnvelope<OrderCreated> createdEvent() {
        List<OrderCreated.Line> eventLines = lines.stream()
                .map(l -> new OrderCreated.Line(l.sku(), l.quantity(), l.unitPrice(), l.categories())).toList();
        return EventEnvelope.of(EventType.ORDER_CREATED, id, new OrderCreated(id, customerId, eventLines, totalAmount,
                currency, delivery.addressId(), delivery.pincode(), delivery.location()), createdAt);
    }

    /**
     * The verdict's yes: every line records where its units are reserved, and each dealer holding some of them
     * joins {@code dealerIds} (added to those already there: a reassignment may have been recorded first).
     */
    OrderTransition confirm(OrderValidated verdict, Instant at) {
        checkMayMove(OrderState.CONFIRMED, INVENTORY);
        Stream<String> allocated = verdict.lines().stream().flatMap(l -> l.allocations().stream())
                .map(OrderValidated.Allocation::dealerId);
        Stream<String> shared = verdict.fulfilments() == null ? Stream.empty()
                : verdict.fulfilments().stream().map(FulfilmentShare::dealerId);
        Set<String> dealers = new LinkedHashSet<>(dealerIds == null ? List.of() : dealerIds);
        Stream.concat(allocated, shared).sorted().forEach(dealers::add);
        return transition(List.of(OrderState.CONFIRMED), INVENTORY, null, at, validated(verdict),
                List.copyOf(dealers));
    }

    /** The verdict's no: nothing is reserved; the reason names each refused line and the units it found. */
    OrderTransition reject(OrderValidated verdict, Instant at) {
        checkMayMove(OrderState.REJECTED, INVENTORY);
        return transition(List.of(OrderState.REJECTED), INVENTORY, rejectionReason(verdict), at, validated(verdict),
                dealerIds);
    }

    /** A buyer until the parcel leaves, staff until it arrives; the topology releases the stock on the event. */
    OrderTransition cancel(Actor by, String reason, Instant at) {
        checkMayMove(OrderState.CANCELLED, by);
        return transition(List.of(OrderState.CANCELLED), by, reason, at, lines, dealerIds);
    }

    /**
     * A move the fulfilments drive: straight to {@code to}, or along the goods' way through the steps the order
     * has not seen, each recorded ({@link OrderState#stepsTo}).
     */
    OrderTransition moveTo(OrderState to, Actor by, String reason, Instant at) {
        List<OrderState> steps = status.stepsTo(to, by.kind());
        if (steps.isEmpty()) {
            throw refused(to, by);
        }
        return transition(steps, by, reason, at, lines, dealerIds);
    }

    /** Whether {@link #moveTo} would apply now; false when the order is already there or cannot get there. */
    boolean canMoveTo(OrderState to, Actor by) {
        return !status.stepsTo(to, by.kind()).isEmpty();
    }

    private OrderTransition transition(List<OrderState> steps, Actor by, String reason, Instant at,
                                       List<OrderLine> nextLines, List<String> nextDealerIds) {
        List<StatusChange> changes = new ArrayList<>();
        List<EventEnvelope<OrderStatusChanged>> events = new ArrayList<>();
        OrderState from = status;
        for (OrderState to : steps) {
            changes.add(new StatusChange(from, to, by.label(), at, reason));
            events.add(EventEnvelope.of(EventType.ORDER_STATUS_CHANGED, id, new OrderStatusChanged(id,
                    from.asEventStatus(), to.asEventStatus(), reason), at));
            from = to;
        }
        List<StatusChange> history = new ArrayList<>(statusHistory == null ? List.of() : statusHistory);
        history.addAll(changes);
        Order after = new Order(id, customerId, from, nextLines, totalAmount, currency, delivery, nextDealerIds,
                List.copyOf(history), requestFingerprint, createdAt, at);
        return new OrderTransition(this, after, List.copyOf(changes), List.copyOf(events));
    }

    private List<OrderLine> validated(OrderValidated verdict) {
        Map<String, OrderValidated.LineOutcome> outcomes = verdict.lines().stream()
                .collect(Collectors.toMap(OrderValidated.LineOutcome::sku, Function.identity(), (a, b) -> a));
        return lines.stream().map(line -> {
            OrderValidated.LineOutcome outcome = outcomes.get(line.sku());
            return outcome == null ? line : line.validated(outcome);
        }).toList();
    }

    /** "BRK-PAD-001: INSUFFICIENT_STOCK (1 available)", one per refused line. */
    private static String rejectionReason(OrderValidated verdict) {
        return verdict.lines().stream().filter(l -> l.rejection() != null)
                .map(l -> l.sku() + ": " + l.rejection() + " (" + l.availableUnits() + " available)")
                .collect(Collectors.joining("; "));
    }

    private void checkMayMove(OrderState to, Actor by) {
        if (!status.mayMoveTo(to, by.kind())) {
            throw refused(to, by);
        }
    }

    private ConflictException refused(OrderState to, Actor by) {
        String detail = status.whoMayMoveTo(to).isEmpty()
                ? "Order " + id + " is " + status + ": it cannot move to " + to + " from there."
                : "Order " + id + " is " + status + ": a " + by.kind() + " may not move it to " + to + " now.";
        return new ConflictException(detail, Map.of("currentStatus", status.name(), "requestedStatus", to.name()));
    }
}
