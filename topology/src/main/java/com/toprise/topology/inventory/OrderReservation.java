package com.toprise.topology.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.toprise.schemas.events.FulfilmentShare;
import com.toprise.schemas.events.OrderCreated;
import com.toprise.schemas.geo.GeoPoint;
import com.toprise.topology.inventory.DealerAssignment.Delivery;
import com.toprise.topology.inventory.DealerAssignment.Demand;
import com.toprise.topology.inventory.DealerAssignment.Placement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the topology did with an order, kept per orderId so that every later event of the order (and every
 * redelivery of an earlier one) is answered from it: a duplicate ORDER_CREATED reserves nothing twice, and each
 * share moves out of OFFERED or ACCEPTED at most once, so a release, a shipment or a reassignment happens once.
 *
 * <p>Each share is one dealer's part of the order with the units reserved there. The record also keeps what a
 * reassignment needs without the ORDER_CREATED: where the order goes, each SKU's category path, every dealer already
 * tried and how many shares were ever made (share ids go on counting after a reassignment).
 *
 * @param held          the units of an order reserved before shares existed (such orders have no shares); empty
 *                      for every later one
 * @param sharesMade    the n of the last {@code <orderId>-<n>} the topology named
 * @param unassigned    lines no dealer could take again, waiting for Fulfillment-Admin
 * @param answered      manual assignment requests answered without a share (refused), so a redelivery is ignored
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderReservation(String orderId, State state, String deliveryPincode, GeoPoint deliveryLocation,
                        Map<String, List<String>> categories, List<Held> held, List<Share> shares, List<String> tried,
                        Integer sharesMade, List<FulfilmentShare.Line> unassigned, List<String> answered) {

    enum State { RESERVED, REJECTED, RELEASED, SHIPPED }

    /** OFFERED and ACCEPTED hold the units; every other state is an end. */
    enum ShareState { OFFERED, ACCEPTED, SHIPPED, DECLINED, EXPIRED, CANCELLED }

    /** Units of one SKU held at one dealer for an order reserved before shares. */
    record Held(String sku, String dealerId, long quantity) {
    }

    /** One dealer's share: the units reserved there, and until when the dealer may accept it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Share(String fulfilmentId, String dealerId, List<FulfilmentShare.Line> lines, ShareState state,
                 Instant acceptBy) {

        @JsonIgnore
        boolean isOpen() {
            return state == ShareState.OFFERED || state == ShareState.ACCEPTED;
        }

        Share in(ShareState to) {
            return new Share(fulfilmentId, dealerId, lines, to, acceptBy);
        }

        FulfilmentShare asEvent() {
            return new FulfilmentShare(fulfilmentId, dealerId, lines, acceptBy);
        }
    }

    /** The reservation after new shares were offered, and those shares. */
    record Offered(OrderReservation next, List<Share> shares) {
    }

    OrderReservation {
        // records stored before shares existed have none of these fields
        categories = categories == null ? Map.of() : categories;
        held = held == null ? List.of() : List.copyOf(held);
        shares = shares == null ? List.of() : List.copyOf(shares);
        tried = tried == null ? List.of() : List.copyOf(tried);
        sharesMade = sharesMade == null ? 0 : sharesMade;
        unassigned = unassigned == null ? List.of() : List.copyOf(unassigned);
        answered = answered == null ? List.of() : List.copyOf(answered);
    }

    /** An order whose lines were all placed: one share per dealer, each offered until {@code acceptBy}. */
    static Offered confirmed(OrderCreated order, List<Placement> placements, Instant acceptBy) {
        Map<String, List<String>> categories = new LinkedHashMap<>();
        order.lines().forEach(line -> categories.putIfAbsent(line.sku(),
                line.categories() == null ? List.of() : List.copyOf(line.categories())));
        OrderReservation placed = new OrderReservation(order.orderId(), State.RESERVED, order.deliveryPincode(),
                order.deliveryLocation(), categories, null, null, null, 0, null, null);
        return placed.offer(placements, acceptBy);
    }

    /** An order that could not be filled in full: nothing is held, and a redelivery of it stays rejected. */
    static OrderReservation rejected(String orderId) {
        return closedBeforeCreation(orderId, State.REJECTED);
    }

    /** An order closed (cancelled, rejected, shipped) before its ORDER_CREATED got here: it will reserve nothing. */
    static OrderReservation closedBeforeCreation(String orderId, State state) {
        return new OrderReservation(orderId, state, null, null, null, null, null, null, 0, null, null);
    }

    @JsonIgnore
    boolean isOpen() {
        return state == State.RESERVED;
    }

    @JsonIgnore
    Delivery delivery() {
        return new Delivery(deliveryPincode, deliveryLocation);
    }

    Optional<Share> share(String fulfilmentId) {
        return shares.stream().filter(s -> s.fulfilmentId().equals(fulfilmentId)).findFirst();
    }

    @JsonIgnore
    List<Share> openShares() {
        return shares.stream().filter(Share::isOpen).toList();
    }

    /** Every dealer that had a share of this order: a reassignment goes to none of them again. */
    @JsonIgnore
    Set<String> triedDealers() {
        return Set.copyOf(tried);
    }

    /** Lines to place again, with the category paths their order gave. */
    List<Demand> demands(List<FulfilmentShare.Line> lines) {
        return lines.stream().map(l -> new Demand(l.sku(), l.quantity(), categories.get(l.sku()))).toList();
    }

    /** Whether a manual assignment with this id was answered already, by a share or by a refusal. */
    boolean answered(String requestId) {
        return share(requestId).isPresent() || answered.contains(requestId);
    }

    /** The new shares, numbered on from the last one; their dealers count as tried from now on. */
    Offered offer(List<Placement> placements, Instant acceptBy) {
        List<Share> offered = new ArrayList<>();
        int n = sharesMade;
        for (Placement placement : placements) {
            offered.add(new Share(orderId + "-" + (++n), placement.dealerId(), placement.lines(), ShareState.OFFERED,
                    acceptBy));
        }
        return new Offered(with(offered, n, unassigned, answered), offered);
    }

    /** Fulfillment-Admin's share under the id they chose; its lines are no longer unassigned. */
    Offered offerManually(String fulfilmentId, String dealerId, List<FulfilmentShare.Line> lines, Instant acceptBy) {
        Share share = new Share(fulfilmentId, dealerId, lines, ShareState.OFFERED, acceptBy);
        Map<String, Integer> left = quantities(unassigned);
        lines.forEach(line -> left.merge(line.sku(), -line.quantity(), Integer::sum));
        return new Offered(with(List.of(share), sharesMade, asLines(left), answered), List.of(share));
    }

    /** A manual request that could not be reserved: remembered, so its redelivery is not answered twice. */
    OrderReservation refused(String requestId) {
        List<String> nowAnswered = new ArrayList<>(answered);
        nowAnswered.add(requestId);
        return with(List.of(), sharesMade, unassigned, nowAnswered);
    }

    /** Of the requested lines, the units that are unassigned (a request cannot place units another share holds). */
    List<FulfilmentShare.Line> assignable(List<FulfilmentShare.Line> requested) {
        Map<String, Integer> left = quantities(unassigned);
        List<FulfilmentShare.Line> assignable = new ArrayList<>();
        for (FulfilmentShare.Line line : requested) {
            int units = Math.min(line.quantity(), left.getOrDefault(line.sku(), 0));
            if (units > 0) {
                assignable.add(new FulfilmentShare.Line(line.sku(), units));
                left.merge(line.sku(), -units, Integer::sum);
            }
        }
        return assignable;
    }

    /** Lines added to those waiting for Fulfillment-Admin. */
    OrderReservation withUnassigned(List<FulfilmentShare.Line> lines) {
        Map<String, Integer> all = quantities(unassigned);
        lines.forEach(line -> all.merge(line.sku(), line.quantity(), Integer::sum));
        return with(List.of(), sharesMade, asLines(all), answered);
    }

    /** The share moved to {@code to}; the caller moved its units (released or shipped) when that ends it. */
    OrderReservation moved(String fulfilmentId, ShareState to) {
        return new OrderReservation(orderId, state, deliveryPincode, deliveryLocation, categories, held,
                shares.stream().map(s -> s.fulfilmentId().equals(fulfilmentId) ? s.in(to) : s).toList(), tried,
                sharesMade, unassigned, answered);
    }

    /** The order ended: every open share ends with it (shipped with a shipped order, cancelled otherwise). */
    OrderReservation closed(State to) {
        ShareState end = to == State.SHIPPED ? ShareState.SHIPPED : ShareState.CANCELLED;
        return new OrderReservation(orderId, to, deliveryPincode, deliveryLocation, categories, held,
                shares.stream().map(s -> s.isOpen() ? s.in(end) : s).toList(), tried, sharesMade, List.of(), answered);
    }

    private OrderReservation with(List<Share> added, int made, List<FulfilmentShare.Line> nowUnassigned,
                                  List<String> nowAnswered) {
        List<Share> allShares = new ArrayList<>(shares);
        allShares.addAll(added);
        Set<String> allTried = new LinkedHashSet<>(tried);
        added.forEach(s -> allTried.add(s.dealerId()));
        return new OrderReservation(orderId, state, deliveryPincode, deliveryLocation, categories, held, allShares,
                List.copyOf(allTried), made, nowUnassigned, nowAnswered);
    }

    private static Map<String, Integer> quantities(List<FulfilmentShare.Line> lines) {
        Map<String, Integer> bySku = new LinkedHashMap<>();
        lines.forEach(line -> bySku.merge(line.sku(), line.quantity(), Integer::sum));
        return bySku;
    }

    private static List<FulfilmentShare.Line> asLines(Map<String, Integer> bySku) {
        return bySku.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new FulfilmentShare.Line(e.getKey(), e.getValue())).toList();
    }
}
