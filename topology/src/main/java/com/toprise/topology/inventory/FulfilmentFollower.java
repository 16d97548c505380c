package com.toprise.topology.inventory;

import com.toprise.schemas.events.FulfilmentReassigned;
import com.toprise.schemas.events.FulfilmentReassigned.Cause;
import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.FulfilmentUpdated;
import com.toprise.schemas.events.FulfilmentUpdated.FulfilmentStatus;
import com.toprise.schemas.events.OrderValidated.LineOutcome;
import com.toprise.topology.inventory.OrderReservation.Offered;
import com.toprise.topology.inventory.OrderReservation.Share;
import com.toprise.topology.inventory.OrderReservation.ShareState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Follows each share after the order was confirmed: the dealer's answer, the goods leaving, a cancellation, an
 * acceptance that never came, and Fulfillment-Admin's manual assignment. A share moves out of OFFERED or ACCEPTED at
 * most once: a redelivered or late FULFILMENT_UPDATED finds it ended and changes nothing (a DECLINED for a share
 * that expired and was reassigned already, an ACCEPTED after the deadline).
 *
 * <p>A declined or expired share's units are released and its lines placed again by {@link DealerAssignment} among
 * the dealers not yet tried for the order, as new shares, line by line; a line nobody can take waits for
 * Fulfillment-Admin. Both are announced in one FULFILMENT_REASSIGNED.
 */
final class FulfilmentFollower {

    private final InventoryLedger ledger;

    FulfilmentFollower(InventoryLedger ledger) {
        this.ledger = ledger;
    }

    void follow(FulfilmentUpdated update, long timestamp) {
        OrderReservation reservation = update.orderId() == null ? null : ledger.reservation(update.orderId());
        if (reservation == null || !reservation.isOpen() || update.fulfilmentId() == null) {
            return; // an order that is not holding stock has no shares to move
        }
        if (update.to() == FulfilmentStatus.OFFERED && update.from() == null) {
            assignManually(reservation, update, timestamp);
            return;
        }
        Optional<Share> open = reservation.share(update.fulfilmentId()).filter(Share::isOpen);
        if (open.isEmpty()) {
            return;
        }
        Share share = open.get();
        switch (update.to()) {
            case ACCEPTED -> accept(reservation, share);
            case DECLINED -> reassign(reservation, share, ShareState.DECLINED, Cause.DECLINED, timestamp);
            case SHIPPED -> end(reservation, share, ShareState.SHIPPED, timestamp);
            case CANCELLED -> end(reservation, share, ShareState.CANCELLED, timestamp);
            default -> {
                // PACKED and DELIVERED move no units; EXPIRED is the topology's own decision, echoed back
            }
        }
    }

    /** The acceptance clock of a share ran out: reassigned, unless the dealer answered in the meantime. */
    void expire(String orderId, String fulfilmentId, long now) {
        OrderReservation reservation = ledger.reservation(orderId);
        if (reservation == null || !reservation.isOpen()) {
            return;
        }
        Instant at = Instant.ofEpochMilli(now);
        reservation.share(fulfilmentId)
                .filter(share -> share.state() == ShareState.OFFERED && !share.acceptBy().isAfter(at))
                .ifPresent(share -> reassign(reservation, share, ShareState.EXPIRED, Cause.ACCEPTANCE_TIMEOUT, now));
    }

    private void accept(OrderReservation reservation, Share share) {
        if (share.state() == ShareState.OFFERED) {
            ledger.stopClock(share);
            ledger.save(reservation.moved(share.fulfilmentId(), ShareState.ACCEPTED));
        }
    }

    private void end(OrderReservation reservation, Share share, ShareState end, long timestamp) {
        ledger.ended(share, end, timestamp);
        ledger.save(reservation.moved(share.fulfilmentId(), end));
    }

    private void reassign(OrderReservation reservation, Share share, ShareState end, Cause cause, long timestamp) {
        ledger.ended(share, end, timestamp);
        OrderReservation after = reservation.moved(share.fulfilmentId(), end);
        DealerAssignment rule = ledger.assignment(after.delivery(), after.triedDealers());
        List<LineOutcome> outcomes = rule.assign(after.demands(share.lines()));
        List<FulfilmentShare.Line> unassigned = outcomes.stream().filter(line -> line.rejection() != null)
                .map(line -> new FulfilmentShare.Line(line.sku(), line.quantity())).toList();
        Offered offered = after.offer(DealerAssignment.placements(outcomes), ledger.acceptBy(timestamp));
        ledger.reserved(reservation.orderId(), rule.changedLevels(), offered.shares(), timestamp);
        ledger.save(offered.next().withUnassigned(unassigned));
        ledger.reassigned(new FulfilmentReassigned(reservation.orderId(), share.fulfilmentId(), share.dealerId(), cause,
                offered.shares().stream().map(Share::asEvent).toList(), unassigned, Instant.ofEpochMilli(timestamp)),
                timestamp);
    }

    /**
     * Fulfillment-Admin gives unassigned lines to a dealer of their choice, who is not held to the rule: the units
     * are reserved there when it has them all, else the lines stay unassigned and the answer says so. Either way the
     * request is answered once; units already held by a share cannot be placed again, so a request for none of the
     * unassigned units is not answered at all.
     */
    private void assignManually(OrderReservation reservation, FulfilmentUpdated request, long timestamp) {
        if (request.dealerId() == null || request.lines() == null || reservation.answered(request.fulfilmentId())) {
            return;
        }
        List<FulfilmentShare.Line> lines = reservation.assignable(request.lines());
        if (lines.isEmpty()) {
            return;
        }
        Offered offered = reservation.offerManually(request.fulfilmentId(), request.dealerId(), lines,
                ledger.acceptBy(timestamp));
        Share share = offered.shares().get(0);
        boolean reserved = ledger.reserveAtDealer(reservation.orderId(), share, timestamp);
        ledger.save(reserved ? offered.next() : reservation.refused(request.fulfilmentId()));
        ledger.reassigned(new FulfilmentReassigned(reservation.orderId(), request.fulfilmentId(), request.dealerId(),
                Cause.MANUAL, reserved ? List.of(share.asEvent()) : List.of(), reserved ? List.of() : lines,
                Instant.ofEpochMilli(timestamp)), timestamp);
    }
}
