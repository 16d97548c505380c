package com.toprise.order.fulfilment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.toprise.common.web.ConflictException;
import com.toprise.common.web.ResourceNotFoundException;
import com.toprise.order.order.Actor;
import com.toprise.schemas.events.EventEnvelope;
import com.toprise.schemas.events.EventType;
import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.FulfilmentUpdated;
import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.ACCEPTED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.CANCELLED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.DECLINED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.DELIVERED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.EXPIRED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.OFFERED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.PACKED;
import static com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus.SHIPPED;

/**
 * One dealer's share of an order (its id is the share's): OFFERED until the dealer accepts or declines it (or the
 * topology's acceptance clock expires it), then ACCEPTED with a picklist, PACKED once every line is picked and the
 * parcel measured, SHIPPED when the courier collects it, DELIVERED; CANCELLED with its order while not delivered.
 * Each transition is a method returning the FULFILMENT_UPDATED it causes; one the current status does not allow
 * is a 409 naming that status. {@code version} counts the writes, so two concurrent steps cannot both land.
 */
@Document("fulfilments")
public record Fulfilment(@Id String id, String orderId, String customerId, String dealerId, FulfilmentStatus status,
                         List<FulfilmentLine> lines, Instant acceptBy, Parcel parcel, DeliveryBooking delivery,
                         List<FulfilmentChange> history, Instant createdAt, Instant updatedAt,
                         @JsonIgnore long version) {

    /** How the history names the topology's and the courier's moves. */
    private static final String INVENTORY = Actor.system("inventory").label();
    private static final String COURIER = Actor.system("courier").label();

    /** The statuses nothing leaves: declined and expired fulfilments' lines went to another dealer. */
    public static final Set<FulfilmentStatus> ENDED = EnumSet.of(DECLINED, EXPIRED, DELIVERED, CANCELLED);

    public Fulfilment {
        lines = List.copyOf(lines);
        history = List.copyOf(history);
    }

    /** The share as the topology assigned it, offered to its dealer; {@code names} by SKU, for the picklist. */
    public static Fulfilment offered(FulfilmentShare share, String orderId, String customerId,
                                     Map<String, String> names, Instant at) {
        List<FulfilmentLine> lines = share.lines().stream()
                .map(l -> FulfilmentLine.offered(l.sku(), names.get(l.sku()), l.quantity())).toList();
        FulfilmentChange offered = new FulfilmentChange(null, OFFERED, INVENTORY, at, null);
        return new Fulfilment(share.fulfilmentId(), orderId, customerId, share.dealerId(), OFFERED, lines,
                share.acceptBy(), null, null, List.of(offered), at, at, 0);
    }

    public boolean open() {
        return !ENDED.contains(status);
    }

    /** The dealer takes the share: its lines become the picklist. */
    public Transition accept(String by, Instant at) {
        require("accepted", OFFERED);
        return move(ACCEPTED, by, at, null, line -> line.moveTo(LineStatus.ASSIGNED, at));
    }

    /** The dealer refuses the share; the topology moves its lines to the next eligible dealer. */
    public Transition decline(String by, String reason, Instant at) {
        require("declined", OFFERED);
        return move(DECLINED, by, at, reason, UnaryOperator.identity());
    }

    /**
     * The topology took the share away for want of an acceptance in time. An acceptance that crossed the expiry
     * loses: the reservation is already released, so an accepted fulfilment expires too.
     */
    public Transition expire(Instant at) {
        require("expired", OFFERED, ACCEPTED);
        return move(EXPIRED, INVENTORY, at, "not accepted by " + acceptBy, UnaryOperator.identity());
    }

    /** One line of the picklist is off the shelf; picking it again changes nothing. */
    public Transition pick(String sku, Instant at) {
        require("picked", ACCEPTED);
        FulfilmentLine line = lines.stream().filter(l -> l.sku().equals(sku)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("fulfilment lines", id + "/" + sku));
        if (line.picked()) {
            return Transition.none(this);
        }
        List<FulfilmentLine> picked = lines.stream()
                .map(l -> l.sku().equals(sku) ? l.moveTo(LineStatus.PICKED, at) : l).toList();
        return Transition.silent(with(status, picked, parcel, delivery, history, at));
    }

    /** The parcel is packed and measured: only an accepted fulfilment whose every line is picked. */
    public Transition pack(Parcel measured, String by, Instant at) {
        require("packed", ACCEPTED);
        List<String> unpicked = lines.stream().filter(l -> !l.picked()).map(FulfilmentLine::sku).toList();
        if (!unpicked.isEmpty()) {
            throw new ConflictException("Fulfilment " + id + " cannot be packed: " + unpicked + " not picked yet.",
                    Map.of("currentStatus", status.name(), "unpicked", unpicked));
        }
        Transition packed = move(PACKED, by, at, null, line -> line.moveTo(LineStatus.PACKED, at));
        Fulfilment f = packed.fulfilment();
        return new Transition(f.with(f.status, f.lines, measured, f.delivery, f.history, at), packed.events());
    }

    /** The courier collected the parcel. */
    public Transition shipped(Instant at) {
        require("shipped", PACKED);
        return move(SHIPPED, COURIER, at, null, line -> line.moveTo(LineStatus.SHIPPED, at));
    }

    /** The courier handed the parcel over. */
    public Transition delivered(Instant at) {
        require("delivered", SHIPPED);
        return move(DELIVERED, COURIER, at, null, line -> line.moveTo(LineStatus.DELIVERED, at));
    }

    /** The order was cancelled: a fulfilment not delivered stops, every line with it. */
    public Transition cancel(String by, String reason, Instant at) {
        require("cancelled", OFFERED, ACCEPTED, PACKED, SHIPPED);
        return move(CANCELLED, by, at, reason, line -> line.moveTo(LineStatus.CANCELLED, at));
    }

    /** The courier booked the parcel's delivery. Nothing moves: the parcel waits for the rider. */
    public Transition booked(Instant at) {
        require("booked with a courier", PACKED);
        DeliveryBooking booked = new DeliveryBooking(DeliveryBooking.State.BOOKED, null, at);
        return Transition.silent(with(status, lines, parcel, booked, history, at));
    }

    /** Booking failed; the fulfilment stays PACKED with the error, for an admin to retry. */
    public Transition bookingFailed(String error, Instant at) {
        require("booked with a courier", PACKED);
        DeliveryBooking failed = new DeliveryBooking(DeliveryBooking.State.FAILED, error, at);
        return Transition.silent(with(status, lines, parcel, failed, history, at));
    }

    /**
     * The courier cancelled the delivery: the parcel is back with the dealer, PACKED, waiting for a new booking. The
     * reason stays in the history, where the alert points.
     */
    public Transition deliveryCancelled(String reason, Instant at) {
        require("returned to the dealer", PACKED, SHIPPED);
        DeliveryBooking cancelled = new DeliveryBooking(DeliveryBooking.State.CANCELLED, reason, at);
        if (status == PACKED) {
            List<FulfilmentChange> more = new ArrayList<>(history);
            more.add(new FulfilmentChange(PACKED, PACKED, COURIER, at, "delivery cancelled: " + reason));
            return Transition.silent(with(status, lines, parcel, cancelled, more, at));
        }
        Transition back = move(PACKED, COURIER, at, "delivery cancelled: " + reason,
                line -> line.moveTo(LineStatus.PACKED, at));
        Fulfilment f = back.fulfilment();
        return new Transition(f.with(f.status, f.lines, f.parcel, cancelled, f.history, at), back.events());
    }

    /** A courier may be booked for a packed parcel that has no live booking (none yet, failed or cancelled). */
    public void requireBookable() {
        require("booked with a courier", PACKED);
        if (delivery != null && delivery.open()) {
            throw new ConflictException("Fulfilment " + id + " already has a courier booked.",
                    Map.of("currentStatus", status.name(), "delivery", delivery.state().name()));
        }
    }

    /** Whether the courier holds a live booking of this parcel, which a cancellation must call off. */
    public boolean deliveryBooked() {
        return delivery != null && delivery.open() && (status == PACKED || status == SHIPPED);
    }

    private void require(String step, FulfilmentStatus... allowed) {
        if (!List.of(allowed).contains(status)) {
            throw new ConflictException("Fulfilment " + id + " is " + status + ": it cannot be " + step + ".",
                    Map.of("currentStatus", status.name()));
        }
    }

    private Transition move(FulfilmentStatus to, String by, Instant at, String reason,
                            UnaryOperator<FulfilmentLine> lineStep) {
        List<FulfilmentLine> moved = lines.stream().map(lineStep).toList();
        List<FulfilmentChange> more = new ArrayList<>(history);
        more.add(new FulfilmentChange(status, to, by, at, reason));
        FulfilmentUpdated updated = new FulfilmentUpdated(id, orderId, dealerId, status, to,
                lines.stream().map(FulfilmentLine::asShareLine).toList(), by, reason, at);
        return new Transition(with(to, moved, parcel, delivery, more, at),
                List.of(EventEnvelope.of(EventType.FULFILMENT_UPDATED, orderId, updated, at)));
    }

    private Fulfilment with(FulfilmentStatus to, List<FulfilmentLine> newLines, Parcel newParcel,
                            DeliveryBooking newDelivery, List<FulfilmentChange> newHistory, Instant at) {
        return new Fulfilment(id, orderId, customerId, dealerId, to, newLines, acceptBy, newParcel, newDelivery,
                newHistory, createdAt, at, version);
    }
}
